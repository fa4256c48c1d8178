//! Exit statuses.

use std::process::ExitCode;

/// How a subcommand ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Everything passed (`check` found no error, `eval` allowed, every test case passed).
    Success,
    /// The subcommand ran and found a failure (an error finding, a denied request, a failed case).
    Failure,
    /// A usage error, or input that could not be read: nothing could be decided.
    Usage,
}

impl Status {
    pub const fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Usage => 2,
        }
    }

    /// The worse of two statuses: a usage error outranks a failure, which outranks success.
    pub fn max(self, other: Status) -> Status {
        Ord::max(self, other)
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status.code())
    }
}
