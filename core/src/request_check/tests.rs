use super::*;

#[test]
fn actions() {
    assert_eq!(check_action("s3:GetObject"), Ok(()));
    assert_eq!(check_action("S3:getobject"), Ok(()));
    assert_eq!(check_action("execute-api:Invoke"), Ok(()));
    for bad in [
        "s3:DeleteObject ",
        "s3:DeleteObject\0",
        "s3:*",
        "s3:Get*",
        "s3:",
        ":GetObject",
        "s3",
        "*",
        "ıam:CreateUser",
        "s3:Get Object",
        "s3:a:b",
    ] {
        assert!(check_action(bad).is_err(), "{bad:?}");
    }
    assert!(check_action(&format!("s3:{}", "A".repeat(300))).is_err());
}

#[test]
fn resources() {
    let ok = |a, r| check_target(a, r) == Ok(());
    assert!(ok("s3:GetObject", "arn:aws:s3:::b/secret/x"));
    assert!(
        ok("s3:GetObject", "arn:aws:s3:::b/*"),
        "`*` may be part of an object key"
    );
    assert!(ok(
        "ssm:StartSession",
        "arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1"
    ));
    assert!(ok(
        "iam:GetPolicy",
        "arn:aws:iam::aws:policy/ReadOnlyAccess"
    ));
    assert!(ok("s3:ListAllMyBuckets", "*"));
    assert!(ok("S3:LISTALLMYBUCKETS", "*"));
    assert!(ok("sts:GetCallerIdentity", "*"));
    for (action, bad) in [
        ("s3:GetObject", "*"),
        ("s3:GetObject", "ARN:aws:s3:::b/secret/x"),
        ("s3:GetObject", "arn:aws:S3:::b/secret/x"),
        ("s3:GetObject", "arn:AWS:s3:::b/secret/x"),
        ("s3:GetObject", "arn:aws:s4:::b/secret/x"),
        ("s3:GetObject", "arn:aws:s3:US-EAST-1::b/x"),
        ("s3:GetObject", "arn:aws:s3:::b/x\0"),
        ("s3:GetObject", "arn:aws:s3::b/x"),
        ("s3:GetObject", ""),
        ("s3:NoSuchAction", "*"),
    ] {
        assert!(check_target(action, bad).is_err(), "{action} {bad:?}");
    }
    let long = format!("arn:aws:s3:::b/{}", "x".repeat(5000));
    assert!(check_target("s3:GetObject", &long).is_err());
}

/// D32: a service newer than the catalog acts on its own resources, in lowercase; nothing says its
/// actions take no resource, so `*` stays malformed for them.
#[test]
fn services_newer_than_the_catalog() {
    let thing = "arn:aws:newsvc:us-east-1:123456789012:thing/t1";
    assert_eq!(check_target("newsvc:DoThing", thing), Ok(()));
    for (action, bad) in [
        ("newsvc:DoThing", "*"),
        ("othersvc:DoThing", thing),
        ("s3:GetObject", thing),
        (
            "NewSvc:DoThing",
            "arn:aws:NewSvc:us-east-1:123456789012:thing/t1",
        ),
        (
            "newsvc:DoThing",
            "arn:aws:NEWSVC:us-east-1:123456789012:thing/t1",
        ),
    ] {
        assert!(check_target(action, bad).is_err(), "{action} {bad:?}");
    }
}

/// D38: `*` is well-formed for an action the policies declare `no-resource`, and for no other
/// action the catalog does not list as acting on no resource; a request naming an ARN never asks.
#[test]
fn declared_no_resource_actions() {
    let only_list = |action: &str| action.eq_ignore_ascii_case("newsvc:ListThings");
    assert_eq!(
        check_target_declared("newsvc:ListThings", "*", only_list),
        Ok(())
    );
    assert_eq!(
        check_target_declared("NEWSVC:listthings", "*", only_list),
        Ok(())
    );
    for undeclared in ["newsvc:DoThing", "newsvc:ListThing", "s3:GetObject"] {
        assert_eq!(
            check_target_declared(undeclared, "*", only_list),
            Err(STAR_FOR_RESOURCE_ACTION),
            "{undeclared}"
        );
    }
    // Without the declaration (the plain check), `*` is malformed for it.
    assert_eq!(
        check_target("newsvc:ListThings", "*"),
        Err(STAR_FOR_RESOURCE_ACTION)
    );
    // The action itself is still checked first: a malformed name is not rescued.
    assert!(check_target_declared("newsvc:List*", "*", |_| true).is_err());
    // Asked only for `*` when the catalog does not already say so.
    let never = |_: &str| -> bool { panic!("asked") };
    assert_eq!(
        check_target_declared("s3:ListAllMyBuckets", "*", never),
        Ok(())
    );
    assert_eq!(
        check_target_declared(
            "newsvc:DoThing",
            "arn:aws:newsvc:us-east-1:123456789012:thing/t1",
            never
        ),
        Ok(())
    );
    assert_eq!(
        STAR_FOR_RESOURCE_ACTION.to_string(),
        "malformed request resource: the resource `*` is only for actions without resource types, and neither the catalog nor a declaration lists this action as one: name its resource (only an action newer than the catalog can be declared `no-resource`)"
    );
}

/// The arguments of `Request::new` given the wrong way round: the action is an ARN, and the
/// message says which comes first.
#[test]
fn an_arn_as_the_action_says_the_arguments_are_swapped() {
    assert_eq!(
        check_target("arn:aws:s3:::bucket/key", "s3:GetObject"),
        Err(SWAPPED)
    );
    assert_eq!(
        check_action("ARN:aws:iam::111122223333:user/x"),
        Err(SWAPPED)
    );
    assert_ne!(check_action("s3:Get Object"), Err(SWAPPED));
}

#[test]
fn context() {
    assert_eq!(check_context_entry("aws:username", ["alice"]), Ok(()));
    assert!(check_context_entry(&"k".repeat(2000), ["v"]).is_err());
    let big = "v".repeat(MAX_CONTEXT_VALUE_BYTES + 1);
    assert!(check_context_entry("k", [big.as_str()]).is_err());
    let many = vec!["v"; MAX_CONTEXT_VALUES + 1];
    assert!(check_context_entry("k", many).is_err());
    assert_eq!(check_unambiguous(&mut ["role", "team"]), Ok(()));
    assert_eq!(check_unambiguous(&mut ["role", "ROLE"]), Err(AMBIGUOUS));
    assert_eq!(
        check_unambiguous(&mut ["\u{212A}ey", "key"]),
        Err(AMBIGUOUS)
    );
    let mut keys: Vec<String> = (0..300).map(|i| format!("app:k{i}")).collect();
    keys.push("APP:K7".to_owned());
    let mut refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(check_unambiguous(&mut refs), Err(AMBIGUOUS));
    refs.retain(|k| *k != "APP:K7");
    assert_eq!(check_unambiguous(&mut refs), Ok(()));
}

/// `data.rs` is generated from the service catalog by this test: run it with
/// `IAM_POLICY_REGENERATE=1` after a catalog refresh. It fails when the file is stale, and when an
/// action with resource types shares a hash with one without.
#[cfg(feature = "catalog")]
#[test]
fn generated_data_matches_the_catalog() {
    use std::collections::{BTreeSet, HashSet};
    let catalog = crate::catalog::catalog();
    let mut services = BTreeSet::new();
    let mut resourceless = BTreeSet::new();
    let mut with_resources = HashSet::new();
    for service in catalog.services() {
        for resource in service.resource_types() {
            for template in resource.arn_templates() {
                if let Some(name) = template.split(':').nth(2)
                    && !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    services.insert(name.to_owned());
                }
            }
        }
        for action in service.actions() {
            let hash = action_hash(&format!("{}:{}", service.prefix(), action.name()));
            if action.resource_types().next().is_none() {
                resourceless.insert(hash);
            } else {
                with_resources.insert(hash);
            }
        }
    }
    let clash: Vec<_> = resourceless
        .iter()
        .filter(|h| with_resources.contains(*h))
        .collect();
    assert!(clash.is_empty(), "hash clash: {clash:?}: change the hash");
    let mut text = String::from(
        "//! GENERATED from the service catalog by `request_check::tests::generated_data_matches_the_catalog`\n\
         //! (run with `IAM_POLICY_REGENERATE=1`). Do not edit by hand.\n\n\
         /// Every service named in an ARN template of the catalog, sorted.\n\
         pub(super) static ARN_SERVICES: &[&str] = &[\n",
    );
    for service in &services {
        text.push_str(&format!("    \"{service}\",\n"));
    }
    text.push_str(
        "];\n\n/// `action_hash` of every action without resource types, sorted.\n\
         pub(super) static RESOURCELESS: &[u32] = &[\n",
    );
    let hashes: Vec<String> = resourceless.iter().map(|h| format!("0x{h:08x},")).collect();
    for line in hashes.chunks(8) {
        text.push_str(&format!("    {}\n", line.join(" ")));
    }
    text.push_str("];\n");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/request_check/data.rs");
    if std::env::var_os("IAM_POLICY_REGENERATE").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "core/src/request_check/data.rs is stale: run this test with IAM_POLICY_REGENERATE=1"
    );
}

#[test]
fn principals_and_accounts() {
    for ok in [
        "*",
        "arn:aws:iam::111122223333:user/alice",
        "arn:aws:sts::111122223333:assumed-role/R/s",
        "arn:aws:iam::111122223333:root",
        "s3.amazonaws.com",
        "cognito-identity.amazonaws.com",
    ] {
        assert_eq!(check_principal(ok), Ok(()), "{ok}");
    }
    for bad in [
        "",
        "ARN:aws:iam::111122223333:user/alice",
        "arn:aws:IAM::111122223333:user/alice",
        "arn:aws:iam::111122223333:user/alice\0",
        "S3.amazonaws.com",
        "s3.amazonaws.com ",
        "arn:aws:iam",
    ] {
        assert!(check_principal(bad).is_err(), "{bad:?}");
    }
    assert_eq!(check_account("111122223333"), Ok(()));
    assert!(check_account("11112222333").is_err());
    assert!(check_account("11112222333x").is_err());
}

#[test]
fn the_partition_match_is_the_partition_list() {
    for partition in PARTITIONS {
        assert!(is_partition(partition), "{partition}");
        assert!(
            !is_partition(&partition.to_ascii_uppercase()),
            "{partition}"
        );
        assert!(!is_partition(&format!("{partition}-x")), "{partition}");
    }
    assert!(!is_partition(""));
}

#[test]
fn arn_fields_are_the_five_before_the_resource() {
    assert_eq!(
        arn_fields("arn:aws:s3:::b/k:with:colons"),
        Some(["arn", "aws", "s3", "", ""])
    );
    assert_eq!(
        arn_fields("arn:aws:ec2:us-east-1:111122223333:instance/i-1"),
        Some(["arn", "aws", "ec2", "us-east-1", "111122223333"])
    );
    assert_eq!(arn_fields("arn:aws:s3::"), None);
    assert_eq!(
        arn_fields("arn:aws:s3:::"),
        Some(["arn", "aws", "s3", "", ""])
    );
}

#[test]
fn control_characters_are_found_in_ascii_and_unicode_text() {
    for text in ["a\u{0}b", "a\u{1f}", "\u{7f}", "\u{85}x", "é\u{9f}", "\té"] {
        assert!(has_control(text), "{text:?}");
    }
    for text in ["arn:aws:s3:::b", "é", "~ !", ""] {
        assert!(!has_control(text), "{text:?}");
    }
}

#[test]
fn the_word_at_a_time_control_check_agrees_with_the_char_check() {
    // Every ASCII byte and some non-ASCII characters, at every position of texts of 1 to 24
    // bytes, so that each lands in a word and in the tail.
    let mut specials: Vec<char> = (0u8..0x80).map(char::from).collect();
    specials.extend([
        '\u{80}', '\u{85}', '\u{9f}', '\u{a0}', 'é', '\u{2028}', '\u{feff}',
    ]);
    for len in 1..24 {
        for at in 0..len {
            for &c in &specials {
                let text: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                assert_eq!(has_control(&text), has_control_by_char(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn the_service_table_finds_exactly_the_arn_services() {
    for service in data::ARN_SERVICES {
        assert!(is_arn_service(service), "{service}");
        assert!(!is_arn_service(&service.to_ascii_uppercase()), "{service}");
        assert!(!is_arn_service(&format!("{service}x")), "{service}");
    }
    assert!(!is_arn_service(""));
    // Every name has its slot, and a quarter to a half of the slots are taken.
    let taken = SERVICE_SLOTS.iter().filter(|&&e| e != 0).count();
    assert_eq!(taken, data::ARN_SERVICES.len());
    assert!(taken * 4 > SERVICE_SLOTS.len() && taken * 2 <= SERVICE_SLOTS.len());
}

#[test]
fn arn_fields_agree_with_splitn() {
    let texts = [
        "arn:aws:s3:::b",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "arn:aws-us-gov:iam::111122223333:role/a:b:c",
        "a:b:c:d:e:f",
        ":::::",
        "::::",
        "arn:aws:s3::",
        "arn:aws:very-long-service-name-here:us-east-1:111122223333:x",
        "no colons at all, but long enough for several words",
        "é:ü:ß::x:y",
    ];
    for text in texts {
        let mut parts = text.splitn(6, ':');
        let expected = (0..5)
            .map(|_| parts.next())
            .collect::<Option<Vec<_>>>()
            .filter(|_| parts.next().is_some());
        assert_eq!(arn_fields(text).map(|f| f.to_vec()), expected, "{text}");
    }
    // Colons at every position of a 24-byte text.
    for first in 0..20 {
        let mut bytes = vec![b'a'; 24];
        for k in 0..5 {
            bytes[first + k] = b':';
        }
        let text = String::from_utf8(bytes).unwrap();
        let fields = arn_fields(&text).unwrap();
        assert_eq!(fields[0].len(), first, "{text}");
        assert!(fields[1..].iter().all(|f| f.is_empty()), "{text}");
    }
}

#[test]
fn action_byte_classes_are_the_documented_sets() {
    for b in 0u8..=255 {
        let service = b.is_ascii_alphanumeric() || b == b'-';
        let name = service || b == b'_';
        assert_eq!(
            ACTION_BYTES[usize::from(b)] & SERVICE_BYTE != 0,
            service,
            "{b}"
        );
        assert_eq!(ACTION_BYTES[usize::from(b)] & NAME_BYTE != 0, name, "{b}");
    }
}

#[test]
fn control_characters_after_the_fifth_colon_are_found() {
    // The scan stops collecting colons after five but must read every byte for control
    // characters: in a word and in the tail, right after the colons and far after.
    for len in 6..40 {
        for at in 5..len {
            for c in ['\u{0}', '\u{1f}', '\u{7f}', '\u{85}'] {
                let text: String = (0..len)
                    .map(|i| match i {
                        _ if i == at => c,
                        0..5 => ':',
                        _ => 'a',
                    })
                    .collect();
                let (fields, suspect) = scan(&text);
                assert!(suspect && has_control(&text), "{text:?}");
                assert_eq!(fields, Some(["", "", "", "", ""]), "{text:?}");
                assert!(check_target("s3:GetObject", &text).is_err(), "{text:?}");
            }
        }
    }
}

#[test]
fn every_pair_of_a_small_context_is_compared() {
    // The ASCII fast path and the folding path of small contexts, and the sorted path above
    // eight keys: a duplicate at any two positions is found; distinct keys of equal length pass.
    for n in 2..=10usize {
        for i in 0..n {
            for j in i + 1..n {
                for kelvin in [false, true] {
                    let mut keys: Vec<String> = (0..n).map(|k| format!("app:k{k:02}")).collect();
                    keys[j] = if kelvin {
                        keys[i].replace('k', "\u{212A}")
                    } else {
                        keys[i].to_ascii_uppercase()
                    };
                    let mut refs: Vec<&str> = keys.iter().map(String::as_str).collect();
                    assert_eq!(check_unambiguous(&mut refs), Err(AMBIGUOUS), "{keys:?}");
                }
            }
        }
        let keys: Vec<String> = (0..n).map(|k| format!("app:k{k:02}")).collect();
        let mut refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(check_unambiguous(&mut refs), Ok(()), "{keys:?}");
    }
}
