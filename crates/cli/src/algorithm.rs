//! `--algorithm NAME` → summarizer configuration.

use brief_summarize::SummarizerBuilder;

/// Applies the algorithm named on the command line (none: the default).
pub fn apply(_b: &mut SummarizerBuilder, name: Option<&str>) -> anyhow::Result<()> {
    match name {
        None | Some("default") | Some("coverage") => Ok(()),
        Some(other) => anyhow::bail!("unknown algorithm {other:?} (known: coverage)"),
    }
}
