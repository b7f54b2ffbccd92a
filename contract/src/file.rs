//! Plain files: `load_file` and `load_string`, read by the game itself (no GL needed). They are read
//! once and then served from memory; in hot builds the binary watches them, and after the file changes
//! on disk the next call returns its new contents.
//!
//! macroquad's loaders are `async` and return a `Result`; so are these, in effect: what they return is
//! ready at once, so `load_string(path).await?` in an `async fn` works as in macroquad, and so does
//! `.now()` (the `Result`) in code that is not `async`.

use std::future::{Future, IntoFuture, Ready, ready};

use crate::Error;
use crate::boundary::{AssetKind, AssetSource};
use crate::context::with;

/// What a loader returns: its result, ready at once. `.await` it (in an `async fn`, as macroquad
/// programs do), or take it with `.now()`, `.unwrap()` or `.expect(..)`.
#[must_use = "a loader's result says whether the file could be read"]
#[derive(Debug)]
pub struct Loading<T>(Result<T, Error>);

impl<T> Loading<T> {
    /// The result, in code that is not `async`.
    pub fn now(self) -> Result<T, Error> {
        self.0
    }

    pub fn unwrap(self) -> T {
        self.0.unwrap()
    }

    pub fn expect(self, message: &str) -> T {
        self.0.expect(message)
    }
}

impl<T> From<Result<T, Error>> for Loading<T> {
    fn from(result: Result<T, Error>) -> Loading<T> {
        Loading(result)
    }
}

impl<T> IntoFuture for Loading<T> {
    type Output = Result<T, Error>;
    type IntoFuture = Ready<Result<T, Error>>;

    fn into_future(self) -> Self::IntoFuture {
        ready(self.0)
    }
}

/// The file's bytes.
pub fn load_file(path: &str) -> Loading<Vec<u8>> {
    let contents = with(|context| {
        let id = context.assets.register(&mut context.frame, AssetKind::File, AssetSource::Path(path.to_string()));
        context.assets.contents(id)
    });
    Loading(contents.map(|bytes| bytes.to_vec()).map_err(|kind| Error::FileError { kind, path: path.to_string() }))
}

/// The file's text (UTF-8).
pub fn load_string(path: &str) -> Loading<String> {
    let text = load_file(path).now().and_then(|bytes| {
        String::from_utf8(bytes)
            .map_err(|_| Error::FileError { kind: std::io::ErrorKind::InvalidData, path: path.to_string() })
    });
    Loading(text)
}

/// Asset paths from now on are inside `folder` (`load_texture("ferris.png")` reads `folder/ferris.png`).
pub fn set_pc_assets_folder(folder: &str) {
    with(|context| {
        context.assets.folder = Some(folder.to_string());
        context.frame.window.push(crate::boundary::WindowRequest::AssetsFolder(folder.to_string()));
    });
}

/// Runs `future` to its end, in code that is not `async` (`State::default`, say): the part of a
/// macroquad program before its main loop, `async` as it was, with its loaders' `.await`s. Every future
/// of this API is ready at once; one that is not (a real wait) panics.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => {
            panic!("block_on: the future waits for something; only the game API's are ready at once")
        }
    }
}
