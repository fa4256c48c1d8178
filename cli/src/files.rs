//! Finding policy files: paths given on the command line, directories searched recursively for
//! `*.json` files (hidden directories skipped, symbolic links to directories not followed).

use std::fs;
use std::io;
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
                "cannot open `{}`: {}",
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
            Ok(_) => found.files.push(path.clone()),
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

/// Reads a file whole.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path)
        .map_err(|error| format!("cannot read `{}`: {}", path.display(), describe(&error)))
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
