//! Decompresses the committed gazetteer (`data/gazetteer.tsv.gz`) into
//! `OUT_DIR`: the library embeds the plain text, so loading it costs no
//! inflation at every start (the load budget is 100 ms; inflating was a
//! fifth of it). The repository keeps the compressed file.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let src = "data/gazetteer.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    let gz = std::fs::read(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut tsv)
        .unwrap_or_else(|e| panic!("cannot inflate {src}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo")).join("gazetteer.tsv");
    std::fs::write(&out, tsv).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
