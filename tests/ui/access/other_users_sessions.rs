// The Session Manager seed policy lets each user end their own sessions. Asked about the sessions
// of `alice` for the user `alice`, the assertion fails and shows the request.

iam_policy::assert_access_not_granted!(
    "seed/ex1_specific_instances.json",
    actions = ["ssm:TerminateSession"],
    resources = ["arn:aws:ssm:*:*:session/alice-*"],
    context = ["aws:username=alice"]
);

fn main() {}
