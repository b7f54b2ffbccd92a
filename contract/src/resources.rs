//! What the game makes, rather than loads from a file, and the binary keeps for it: textures made from
//! pixels, render targets, materials. Every handle to one shares a [`Keep`]; when the last is dropped,
//! the binary is told to free it, so a texture made anew every frame never piles up (as macroquad frees
//! its own when their last handle goes).
//!
//! A `Keep` crosses a reload as what makes its resource again (the pixels, the target's size, the
//! shaders): a binary that still has the resource goes on with it, one that was restarted makes it again.

use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::boundary::{AssetKind, AssetLoad, AssetSource, ShaderText};
use crate::context::with;
use crate::material::{PipelineParams, UniformDesc};

/// One resource the game made, shared by all its handles.
#[derive(Clone)]
pub(crate) struct Keep(Arc<Inner>);

struct Inner {
    id: u64,
    kind: AssetKind,
    /// What makes the resource again (a texture's current pixels).
    source: Mutex<AssetSource>,
}

/// The resources with a live handle, by id: a handle read back from a saved state shares the `Keep` of a
/// live one (F5, a loop restarting, a panic rolled back) instead of freeing the resource when either goes.
static LIVE: Mutex<Vec<(u64, Weak<Inner>)>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<(u64, Weak<Inner>)>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Keep {
    /// A new resource: the binary is told to make it with the next frame.
    pub fn new(kind: AssetKind, source: AssetSource) -> Keep {
        Keep::with_id(fresh_id(), kind, source)
    }

    fn with_id(id: u64, kind: AssetKind, source: AssetSource) -> Keep {
        with(|context| context.frame.loads.push(AssetLoad { id, kind, source: source.clone() }));
        let inner = Arc::new(Inner { id, kind, source: Mutex::new(source) });
        let mut live = live();
        live.retain(|(_, weak)| weak.strong_count() > 0);
        live.push((id, Arc::downgrade(&inner)));
        Keep(inner)
    }

    pub fn id(&self) -> u64 {
        self.0.id
    }

    /// What makes the resource: for a texture, its pixels as they are now.
    pub fn source(&self) -> MutexGuard<'_, AssetSource> {
        self.0.source.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        let id = self.id;
        // A handle read back from a save made after `release` (F5, F7) has a `Keep` of its own for the
        // same resource: that one decides when it goes.
        let kept_elsewhere = live().iter().any(|(live, weak)| *live == id && weak.strong_count() > 0);
        if !kept_elsewhere {
            with(|context| context.frame.frees.push(id));
        }
    }
}

/// Forgets the live resources (the library is about to be unloaded: see `crate::release`).
pub(crate) fn release() {
    *live() = Vec::new();
}

/// An id no other resource has, in this or any other build of the library.
fn fresh_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |t| t.as_nanos());
        crate::fnv1a(&nanos.to_le_bytes(), crate::fnv1a(&std::process::id().to_le_bytes(), 0xcbf2_9ce4_8422_2325))
    });
    crate::fnv1a(&NEXT.fetch_add(1, Ordering::Relaxed).to_le_bytes(), seed)
}

impl PartialEq for Keep {
    fn eq(&self, other: &Keep) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Keep {}

impl Hash for Keep {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

impl std::fmt::Debug for Keep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} {:#x}", self.0.kind, self.id())
    }
}

/// How a [`Keep`] crosses a reload.
#[derive(Serialize, Deserialize)]
struct SavedKeep {
    id: u64,
    made: Made,
}

#[derive(Serialize, Deserialize)]
enum Made {
    /// RGBA pixels, base64.
    Pixels {
        width: u16,
        height: u16,
        rgba: String,
    },
    RenderTarget {
        width: u32,
        height: u32,
        sample_count: i32,
        depth: bool,
    },
    Material {
        vertex: String,
        vertex_path: Option<String>,
        fragment: String,
        fragment_path: Option<String>,
        params: PipelineParams,
        uniforms: Vec<UniformDesc>,
        textures: Vec<String>,
    },
}

impl Serialize for Keep {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let made = match &*self.source() {
            AssetSource::Rgba8 { width, height, bytes } => {
                Made::Pixels { width: *width, height: *height, rgba: base64::prelude::BASE64_STANDARD.encode(bytes) }
            }
            AssetSource::RenderTarget { width, height, sample_count, depth } => {
                Made::RenderTarget { width: *width, height: *height, sample_count: *sample_count, depth: *depth }
            }
            AssetSource::Material { vertex, fragment, params, uniforms, textures } => Made::Material {
                vertex: vertex.text.clone(),
                vertex_path: vertex.path.clone(),
                fragment: fragment.text.clone(),
                fragment_path: fragment.path.clone(),
                params: *params,
                uniforms: uniforms.clone(),
                textures: textures.clone(),
            },
            AssetSource::Path(_) | AssetSource::Bytes(_) => {
                unreachable!("a Keep is made from pixels, a target or shaders")
            }
        };
        SavedKeep { id: self.id(), made }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Keep {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Keep, D::Error> {
        let SavedKeep { id, made } = SavedKeep::deserialize(deserializer)?;
        if let Some(inner) = live().iter().find(|(live, _)| *live == id).and_then(|(_, weak)| weak.upgrade()) {
            return Ok(Keep(inner));
        }
        let (kind, source) = match made {
            Made::Pixels { width, height, rgba } => {
                let bytes = base64::prelude::BASE64_STANDARD.decode(rgba).map_err(serde::de::Error::custom)?;
                (AssetKind::Texture, AssetSource::Rgba8 { width, height, bytes })
            }
            Made::RenderTarget { width, height, sample_count, depth } => {
                (AssetKind::RenderTarget, AssetSource::RenderTarget { width, height, sample_count, depth })
            }
            Made::Material { vertex, vertex_path, fragment, fragment_path, params, uniforms, textures } => {
                let vertex = ShaderText { path: vertex_path, text: vertex };
                let fragment = ShaderText { path: fragment_path, text: fragment };
                (AssetKind::Material, AssetSource::Material { vertex, fragment, params, uniforms, textures })
            }
        };
        Ok(Keep::with_id(id, kind, source))
    }
}
