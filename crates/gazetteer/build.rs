//! Compiles the committed gazetteer (`data/gazetteer.tsv.gz`) into the
//! tables the library embeds (`OUT_DIR`): `tables.bin` (entries and hash
//! tables, see `src/tables.rs`), `canon.txt` and `keys.txt` (the strings they
//! point into), `first_names.txt` and `words.txt` (the cue word lists). The
//! library only copies these arrays at load (the load budget is 100 ms;
//! compiling the rows took about 30). The repository keeps the compressed
//! list; `OUT_DIR/gazetteer.tsv` (the plain list) serves the tests.

use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code, unused_imports)]
#[path = "src/fold_table.rs"]
mod fold_table;
#[allow(dead_code, unused_imports)]
#[path = "src/hash.rs"]
mod hash;
#[allow(dead_code, unused_imports)]
#[path = "src/scan.rs"]
mod scan;
#[allow(dead_code, unused_imports)]
#[path = "src/tables.rs"]
mod tables;

/// The library's entity types (`src/lib.rs`), as far as the compiler needs
/// them: the embedded rows use the exact labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntityType {
    Per,
    Loc,
    Org,
    Norp,
    Misc,
}

impl std::str::FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<EntityType, String> {
        Ok(match s {
            "PER" => EntityType::Per,
            "LOC" => EntityType::Loc,
            "ORG" => EntityType::Org,
            "NORP" => EntityType::Norp,
            "MISC" => EntityType::Misc,
            _ => return Err(format!("unknown entity type {s:?}")),
        })
    }
}

fn main() {
    let src = "data/gazetteer.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    for f in ["build.rs", "src/fold_table.rs", "src/hash.rs", "src/scan.rs", "src/tables.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let gz = std::fs::read(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut tsv)
        .unwrap_or_else(|e| panic!("cannot inflate {src}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let write = |name: &str, bytes: &[u8]| {
        let p = out.join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    };

    let (tables, first_names, words) =
        tables::compile_embedded(&tsv).unwrap_or_else(|e| panic!("cannot compile {src}: {e}"));
    write("tables.bin", &tables.encode());
    write("canon.txt", tables.canon.as_bytes());
    write("keys.txt", tables.keys.as_bytes());
    write("first_names.txt", first_names.as_bytes());
    write("words.txt", words.as_bytes());
    write("gazetteer.tsv", tsv.as_bytes());
}
