//! Decides one benchmark case `n` times one way, for counting instructions under callgrind (not
//! disturbed by the load of a shared machine, unlike time):
//!
//!     valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/instructions p1_start_listed_instance policy! 10000
//!
//! `scripts/instructions.sh` runs it at two counts for every case and way and prints the
//! difference per decision.

use std::hint::black_box;

use iam_policy_benches::naive::Naive;
use iam_policy_benches::reference::Reference;
use iam_policy_benches::{CASES, Loaded};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, case, way, n] = &args[..] else {
        eprintln!("usage: instructions CASE WAY N (ways: policy! from_json reference naive)");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a count");
    let case = CASES
        .iter()
        .find(|c| c.name == case)
        .unwrap_or_else(|| panic!("no case `{case}`"));
    let request = case.request();
    match way.as_str() {
        "policy!" => {
            let policy = case.subject.compiled();
            for _ in 0..n {
                let _ = black_box(black_box(policy).evaluate(black_box(&request)));
            }
        }
        "from_json" => {
            let loaded = Loaded::new();
            let policy = loaded.get(case.subject);
            for _ in 0..n {
                let _ = black_box(black_box(policy).evaluate(black_box(&request)));
            }
        }
        "reference" => {
            let reference = Reference::new();
            for _ in 0..n {
                let _ = black_box(reference.decide(black_box(case)));
            }
        }
        "naive" => {
            let naive = Naive::new(case.subject.json());
            for _ in 0..n {
                let _ =
                    black_box(naive.decide(black_box(case.action), case.resource, case.context));
            }
        }
        other => panic!("unknown way `{other}`"),
    }
}
