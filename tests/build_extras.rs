//! The extras of the whole build: the file named by `IAM_POLICY_EXTRAS` when `iam-policy-core`
//! was built holds for every policy of the build. `.ci/run` runs this test once with the variable
//! naming `tests/fixtures/build-extras.txt`; without it (the plain `cargo test`), the same policy
//! must be refused, so that each run proves one side.

use iam_policy::{Decision, Extras, Policy, Request};

const NEW: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"newsvc:DoThing","Resource":"arn:aws:newsvc:us-east-1:111122223333:thing/*","Condition":{"StringEquals":{"newsvc:Color":"blue"}}}]}"#;

/// `newsvc:ListThings` is declared `no-resource` by the file, `newsvc:Size` `Numeric` (D38).
const LIST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["newsvc:ListThings","newsvc:DoThing"],"Resource":"*","Condition":{"NumericLessThan":{"newsvc:Size":"10"}}}]}"#;

#[test]
fn the_build_extras_are_the_file_of_iam_policy_extras() {
    let build = iam_policy_core::extras::crate_wide();
    match option_env!("IAM_POLICY_EXTRAS").filter(|path| !path.is_empty()) {
        None => {
            assert!(build.is_empty(), "{build:?}");
            let error = Policy::from_json(NEW).unwrap_err();
            let codes: Vec<&str> = error
                .diagnostics()
                .iter()
                .map(|d| d.diagnostic.code())
                .collect();
            // No service has the prefix `newsvc`: INVALID_SERVICE (AA's code) for its key.
            assert_eq!(codes, ["INVALID_SERVICE_IN_ACTION", "INVALID_SERVICE"]);
            // Nothing declares `newsvc:ListThings` `no-resource`: `*` is malformed for it.
            assert!(Request::new("newsvc:ListThings", "*").check().is_err());
        }
        Some(path) => {
            let text = std::fs::read_to_string(path).unwrap();
            assert_eq!(build, &Extras::parse(&text).unwrap());
            assert!(build.has_action("newsvc:DoThing") && build.has_key("newsvc:Color"));
            let policy = Policy::from_json(NEW).unwrap();
            let ctx = [("newsvc:Color", "blue")];
            let request = Request::new(
                "newsvc:DoThing",
                "arn:aws:newsvc:us-east-1:111122223333:thing/t1",
            )
            .context(&ctx);
            assert_eq!(policy.evaluate(&request), Decision::Allowed);
            // Everything else is still checked.
            assert!(Policy::from_json(&NEW.replace("DoThing", "DoThng")).is_err());

            // The build's `no-resource` declaration holds for every request check, with no policy
            // declaring it; an action declared without it stays malformed on `*`.
            assert!(build.acts_on_no_resource("newsvc:ListThings"));
            let small = [("newsvc:Size", "3")];
            let list = Request::new("newsvc:ListThings", "*").context(&small);
            assert_eq!(list.check(), Ok(()));
            let policy = Policy::from_json(LIST).unwrap();
            assert_eq!(policy.evaluate(&list), Decision::Allowed);
            let star = policy.explain(&Request::new("newsvc:DoThing", "*"));
            assert!(star.malformed.is_some(), "{star:?}");
            // The key's declared type checks its operator.
            let loaded = iam_policy::Policy::from_json_with(
                &LIST.replace("NumericLessThan", "StringEquals"),
                &iam_policy::Options::new(),
            )
            .unwrap();
            let codes: Vec<&str> = loaded
                .warnings
                .iter()
                .map(|d| d.diagnostic.code())
                .collect();
            assert_eq!(codes, ["TYPE_MISMATCH"]);
        }
    }
}
