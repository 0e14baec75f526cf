//! scratch timing
fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let g = brief_gazetteer::GazetteerBuilder::default().build().unwrap();
    let mut text = String::new();
    for e in std::fs::read_dir("/work/main/seeds").unwrap() { text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()); }
    let big = text.repeat(40);
    let reps: usize = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut n = 0;
    for _ in 0..reps {
        n += match mode.as_str() { "list" => g.find_list(&big).len(), "find" => g.find(&big).len(), _ => 0 };
    }
    eprintln!("{mode}: {} MB x {reps}, {n}", big.len() as f64 / 1e6);
}
