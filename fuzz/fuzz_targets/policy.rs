//! Reader, validator, lowering and export: any bytes read as a policy never panic, and a policy
//! that loads exports JSON that loads again into the same compiled policy.

#![no_main]

use iam_policy::{Options, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for catalog in [true, false] {
        let options = Options::new().with_catalog(catalog);
        let Ok(loaded) = Policy::from_json_with(text, &options) else {
            continue;
        };
        let exported = loaded.policy.to_json();
        let again = Policy::from_json_with(&exported, &options)
            .unwrap_or_else(|e| panic!("the export of a valid policy does not load: {e}\n{exported}"));
        assert_eq!(loaded.policy.statements(), again.policy.statements());
        assert_eq!(exported, again.policy.to_json());
        let pretty = loaded.policy.to_json_pretty();
        let again = Policy::from_json_with(&pretty, &options).expect("the pretty export loads");
        assert_eq!(loaded.policy.statements(), again.policy.statements());
    }
});
