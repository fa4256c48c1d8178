// Access assertions that hold compile to nothing, as items or as statements.

// The user's own sessions only: nothing on the sessions of `bob` for the user `alice`.
iam_policy::assert_access_not_granted!(
    "seed/ex1_specific_instances.json",
    actions = ["ssm:TerminateSession", "ssm:ResumeSession"],
    resources = ["arn:aws:ssm:*:*:session/bob-*"],
    context = ["aws:username=alice"],
);

// The Session Manager policies grant nothing outside Session Manager.
iam_policy::assert_access_not_granted!(
    "seed/ex4_admin.json",
    actions = ["iam:*", "s3:*", "ssm:SendCommand", "ec2:*"]
);

// Every seed policy stays within the admin one.
iam_policy::assert_no_new_access!(
    "seed/ex2_instance_tags.json",
    reference = "seed/ex4_admin.json"
);

fn main() {
    iam_policy::assert_no_new_access!(
        "seed/ex3m1_username.json",
        reference = "seed/ex4_admin.json"
    );
}
