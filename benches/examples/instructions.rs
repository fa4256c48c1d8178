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
        eprintln!("usage: instructions CASE WAY N (ways: policy! from_json reference naive check)");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a count");
    if let Some(scaling) = case.strip_prefix("scaling-") {
        return scaling_case(scaling, way, n);
    }
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
        // The request check alone (decision D30), which both project paths run first: `policy!`
        // minus this is what its matchers cost.
        "check" => {
            for _ in 0..n {
                let _ = black_box(black_box(&request).check());
            }
        }
        other => panic!("unknown way `{other}`"),
    }
}

/// `hit-SIZE` or `miss-SIZE`: the action index against policy size (`scaling`), through
/// `from_json` (the policies are built at run time).
fn scaling_case(case: &str, way: &str, n: usize) {
    use iam_policy::Request;
    use iam_policy_benches::scaling;
    let (kind, size) = case
        .split_once('-')
        .expect("scaling-hit-SIZE or scaling-miss-SIZE");
    let size: usize = size.parse().expect("SIZE is a count");
    let action = match kind {
        "hit" => scaling::hit(size),
        "miss" => scaling::miss(),
        other => panic!("unknown scaling case `{other}`"),
    };
    assert_eq!(
        way, "from_json",
        "the scaling policies are loaded at run time"
    );
    let policy = scaling::policy(size);
    let request = Request::new(action, scaling::RESOURCE);
    for _ in 0..n {
        let _ = black_box(black_box(&policy).evaluate(black_box(&request)));
    }
}
