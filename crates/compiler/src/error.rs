//! Build errors. A build never panics on data: every problem found in the seeds is
//! collected as a [`Problem`] naming the file (and line where it helps) and what to do,
//! and the build fails once with all of them.

use std::fmt;

/// One thing wrong with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file at fault, relative to the seeds folder (or the catalog).
    pub file: String,
    /// 1-based line, where one applies.
    pub line: Option<usize>,
    pub kind: ProblemKind,
    /// What is wrong and what to do, in one or two sentences.
    pub message: String,
}

/// The kinds of problem, each a reason a build refuses its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not readable as text: not UTF-8 (GB18030 is detected and named), or binary.
    Encoding,
    /// Empty or whitespace only.
    Empty,
    /// The catalog itself is malformed JSON or misses a field.
    Catalog,
    /// A seed file with no catalog entry.
    MissingCatalogEntry,
    /// A catalog entry whose file is not in the seeds folder.
    MissingFile,
    /// Two entries with one document id.
    DuplicateId,
    /// A province code that `taxonomy.json` does not know.
    UnknownProvince,
    /// A date that is not ISO `YYYY-MM-DD`.
    BadDate,
    /// The text says one thing and the catalog another.
    Contradiction,
    /// A review or translation line that cannot be read, or names unknown codes.
    BadReview,
    /// A review or translation made for a sentence that is gone or whose text changed.
    StaleReview,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A failed build: every problem found, not only the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the seeds could not be compiled ({} problem(s)):", self.problems.len())?;
        for p in &self.problems {
            writeln!(f, "  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

impl Problem {
    pub fn new(file: impl Into<String>, kind: ProblemKind, message: impl Into<String>) -> Self {
        Problem { file: file.into(), line: None, kind, message: message.into() }
    }
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}
