//! The `brief` binary: all logic lives in the `brief_cli` library.
#![forbid(unsafe_code)]

fn main() {
    std::process::exit(brief_cli::run());
}
