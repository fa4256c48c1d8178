//! Finding policy files: paths given on the command line, directories searched recursively for
//! `*.json` files (hidden directories skipped, symbolic links to directories not followed).

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The files found, and a message for each path that could not be used.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub errors: Vec<String>,
}

/// Expands `paths`: a file stands for itself (whatever its name), a directory for the `*.json`
/// files under it, in name order. A directory without any is an error, so that a mistyped path
/// in CI fails instead of checking nothing.
pub fn find(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        match fs::metadata(path) {
            Err(error) => found.errors.push(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe(&error)
            )),
            Ok(meta) if meta.is_dir() => {
                let before = found.files.len();
                walk(path, &mut found);
                if found.files.len() == before {
                    found.errors.push(format!(
                        "no `*.json` file in the directory `{}`",
                        path.display()
                    ));
                }
            }
            Ok(meta) if meta.is_file() => found.files.push(path.clone()),
            Ok(_) => found.errors.push(not_regular(path)),
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Found) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            found.errors.push(format!(
                "cannot read the directory `{}`: {}",
                dir.display(),
                describe(&error)
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        if kind.is_dir() {
            if !hidden {
                walk(&path, found);
            }
        } else if is_json(&path) && (kind.is_file() || (kind.is_symlink() && path.is_file())) {
            found.files.push(path);
        }
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The largest case file read, in bytes (case files hold policies and requests by the thousand).
pub const MAX_CASE_FILE_BYTES: usize = 64 << 20;

fn not_regular(path: &Path) -> String {
    format!(
        "`{}` is not a regular file (a pipe, a device or a socket); iam-policy reads regular files only",
        path.display()
    )
}

/// Reads a regular file whole, refusing one over `max_bytes` without reading past the limit (a
/// pipe or `/dev/zero` would never end).
pub fn read(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let cannot =
        |error: io::Error| format!("cannot read `{}`: {}", path.display(), describe(&error));
    let file = fs::File::open(path).map_err(cannot)?;
    // Asked of the open file, so that the file read is the one checked.
    let metadata = file.metadata().map_err(cannot)?;
    if !metadata.is_file() {
        return Err(not_regular(path));
    }
    // Sized from the file's length (a byte more, to see the end), not grown by doubling: the
    // text is kept while its findings are printed.
    let expected = usize::try_from(metadata.len()).map_or(max_bytes, |len| len.min(max_bytes));
    let mut bytes = Vec::with_capacity(expected + 1);
    io::Read::take(file, max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > max_bytes {
        return Err(format!(
            "`{}` is over the limit of {max_bytes} bytes; no policy is this large",
            path.display()
        ));
    }
    Ok(bytes)
}

/// An I/O error in words, without the `(os error 2)` tail.
pub fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}
