// Mistakes in the assertion itself: a misspelt argument, and an action that is not an action.

iam_policy::assert_access_not_granted!("seed/ex4_admin.json", action = ["iam:*"]);

iam_policy::assert_access_not_granted!("seed/ex4_admin.json", actions = ["iam"]);

iam_policy::assert_no_new_access!("seed/ex4_admin.json");

fn main() {}
