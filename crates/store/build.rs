// The migrations are embedded by `sqlx::migrate!`; rebuild when one is added
// or changed (the macro cannot tell cargo itself on stable Rust).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
