//! The API's error, as macroquad's `Error`: what a loader returns when it cannot load.

#[derive(Debug)]
pub enum Error {
    FontError(&'static str),
    FileError { kind: std::io::ErrorKind, path: String },
    ShaderError(String),
    ImageError(String),
    UnknownError(&'static str),
}

impl From<&'static str> for Error {
    fn from(message: &'static str) -> Error {
        Error::UnknownError(message)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::FileError { kind, path } => write!(f, "could not read {path}: {kind}"),
            Error::ImageError(why) => write!(f, "not an image: {why}"),
            Error::ShaderError(why) => write!(f, "shader: {why}"),
            Error::FontError(why) | Error::UnknownError(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Error {}
