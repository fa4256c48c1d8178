//! `iam-policy fmt`: AWS's layout, `--check`, invalid files left alone.

mod common;

use common::*;

const COMPACT: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["ssm:StartSession"],"Resource":"arn:aws:s3:::caf\u00e9\/x","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600.50}}}]}"#;

const FORMATTED: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "A",
            "Effect": "Allow",
            "Action": [
                "ssm:StartSession"
            ],
            "Resource": "arn:aws:s3:::café/x",
            "Condition": {
                "NumericLessThan": {
                    "aws:MultiFactorAuthAge": 3600.50
                }
            }
        }
    ]
}
"#;

#[test]
fn rewrites_in_aws_layout_keeping_order_shapes_and_numbers() {
    let dir = scratch("fmt");
    let file = write(&dir, "p.json", COMPACT);
    let run = run_in(&dir, &["fmt", "p.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "reformatted p.json\n");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FORMATTED);
    // Formatting is idempotent: nothing more to do.
    let run = run_in(&dir, &["fmt", "p.json"]);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));
    assert_eq!(run_in(&dir, &["fmt", "--check", "p.json"]).status, 0);
}

#[test]
fn the_seed_policies_are_already_formatted() {
    let run = run_in(&seed_dir(), &["fmt", "--check", "."]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
}

#[test]
fn check_names_the_files_that_would_change_and_changes_nothing() {
    let dir = scratch("fmt-check");
    write(&dir, "a.json", COMPACT);
    write(&dir, "b.json", FORMATTED);
    write(&dir, "sub/c.json", "{\"Version\": \"2012-10-17\"}");
    let run = run_in(&dir, &["fmt", "--check", "."]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "would reformat ./a.json\nwould reformat ./sub/c.json\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.json")).unwrap(),
        COMPACT
    );
}

#[test]
fn invalid_json_is_an_error_naming_the_position_and_is_left_alone() {
    let dir = scratch("fmt-invalid");
    let truncated = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n";
    write(&dir, "t.json", truncated);
    write(&dir, "u.json", b"{\"Id\": \"\xff\"}");
    write(&dir, "ok.json", COMPACT);
    let run = run_in(&dir, &["fmt", "t.json", "u.json", "ok.json"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("error: t.json:4:1: unexpected end of the document"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: u.json:1:9: the file is not valid UTF-8"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("t.json")).unwrap(),
        truncated
    );
    // The valid file was formatted all the same.
    assert_eq!(
        std::fs::read_to_string(dir.join("ok.json")).unwrap(),
        FORMATTED
    );
    assert_eq!(run_in(&dir, &["fmt", "--check", "t.json"]).status, 1);
}

#[test]
fn missing_files_exit_2() {
    let run = run(&["fmt", "no/such/file.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("cannot read `no/such/file.json`"),
        "{}",
        run.stderr
    );
}

/// `fmt` writes a temporary file and renames it over the policy: the file keeps its permissions and
/// nothing is left beside it.
#[cfg(unix)]
#[test]
fn rewrites_through_a_temporary_file_keeping_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fmt-atomic");
    let file = write(&dir, "p.json", COMPACT);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = run_in(&dir, &["fmt", "p.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FORMATTED);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let names: Vec<String> = std::fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["p.json"]);
}
