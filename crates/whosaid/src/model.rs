//! Model files: a small framed container around a serialized model.
//!
//! ```text
//! offset  size  field
//! 0       8     magic  b"WHOSAIDM"
//! 8       2     format version, little endian (FORMAT_VERSION)
//! 10      1     model kind (ModelKind)
//! 11      1     reserved, 0
//! 12      8     payload length, little endian
//! 20      4     CRC-32 of the payload, little endian
//! 24      n     payload (postcard-encoded stored model)
//! ```
//!
//! Loading checks every field before decoding, so a truncated, corrupt,
//! foreign or newer file gives a precise [`ModelError`], never a panic.

use serde::{de::DeserializeOwned, Serialize};

/// File magic.
pub const MAGIC: &[u8; 8] = b"WHOSAIDM";
/// The container format this build writes and reads (2: pruned weights,
/// the part-of-speech tag dictionary; 3: features combined from per-token
/// hashes, `perceptron::feat`, so version-2 weights mean nothing; 4: the
/// weight tables' arrays as little-endian byte strings, `perceptron::le_arrays`).
pub const FORMAT_VERSION: u16 = 4;
const HEADER_LEN: usize = 24;

/// What a model file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ModelKind {
    /// Part-of-speech tagger ([`crate::pos::PosModel`]).
    PosTagger = 1,
    /// Attribution tagger ([`crate::learned::AttrModel`]).
    AttributionTagger = 2,
    /// Named-entity tagger ([`crate::ner::NerModel`]).
    EntityTagger = 3,
    /// Pronoun antecedent ranker ([`crate::resolve::PronounRanker`]).
    PronounRanker = 4,
    /// Dependency parser ([`crate::parse::ParseModel`]).
    DependencyParser = 5,
}

impl ModelKind {
    fn name(self) -> &'static str {
        match self {
            ModelKind::PosTagger => "part-of-speech tagger",
            ModelKind::AttributionTagger => "attribution tagger",
            ModelKind::EntityTagger => "entity tagger",
            ModelKind::PronounRanker => "pronoun ranker",
            ModelKind::DependencyParser => "dependency parser",
        }
    }
}

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// Shorter than its header or its stated payload.
    #[error("model file is truncated ({0} bytes)")]
    Truncated(usize),
    /// Not a whosaid model file.
    #[error("not a whosaid model file (bad magic)")]
    BadMagic,
    /// Written by a newer (or unknown) format.
    #[error("model format version {found} is not supported (this build reads version {supported}); retrain or upgrade whosaid")]
    UnsupportedVersion {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        supported: u16,
    },
    /// A model of another kind.
    #[error("model file holds kind {found}, expected a {expected}")]
    WrongKind {
        /// Kind byte in the file.
        found: u8,
        /// What the caller wanted.
        expected: &'static str,
    },
    /// The payload does not match its checksum.
    #[error("model file is corrupt (checksum mismatch)")]
    Checksum,
    /// The payload does not decode.
    #[error("model payload does not decode: {0}")]
    Decode(String),
}

/// Serializes `model` into a framed model file.
pub fn encode<T: Serialize>(kind: ModelKind, model: &T) -> Vec<u8> {
    let payload = postcard::to_allocvec(model).expect("in-memory serialization cannot fail");
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(kind as u8);
    out.push(0);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Checks the frame of a model file and decodes its payload.
pub fn decode<T: DeserializeOwned>(kind: ModelKind, bytes: &[u8]) -> Result<T, ModelError> {
    if bytes.len() < HEADER_LEN {
        return Err(ModelError::Truncated(bytes.len()));
    }
    if &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version != FORMAT_VERSION {
        return Err(ModelError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if bytes[10] != kind as u8 {
        return Err(ModelError::WrongKind {
            found: bytes[10],
            expected: kind.name(),
        });
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[12..20]);
    let len = u64::from_le_bytes(len);
    let payload = &bytes[HEADER_LEN..];
    if (payload.len() as u64) < len {
        return Err(ModelError::Truncated(bytes.len()));
    }
    let payload = &payload[..len as usize];
    let crc = u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if crc32fast::hash(payload) != crc {
        return Err(ModelError::Checksum);
    }
    postcard::from_bytes(payload).map_err(|e| ModelError::Decode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        encode(ModelKind::PosTagger, &(vec!["NN".to_string()], 7u32))
    }

    #[test]
    fn round_trip() {
        let back: (Vec<String>, u32) = decode(ModelKind::PosTagger, &sample()).unwrap();
        assert_eq!(back, (vec!["NN".to_string()], 7));
    }

    #[test]
    fn corrupt_files_give_clear_errors() {
        type T = (Vec<String>, u32);
        let good = sample();
        assert_eq!(
            decode::<T>(ModelKind::PosTagger, &good[..10]),
            Err(ModelError::Truncated(10))
        );
        let mut bad = good.clone();
        bad[0] = b'X';
        assert_eq!(
            decode::<T>(ModelKind::PosTagger, &bad),
            Err(ModelError::BadMagic)
        );
        let mut newer = good.clone();
        newer[8] = 9;
        assert!(matches!(
            decode::<T>(ModelKind::PosTagger, &newer),
            Err(ModelError::UnsupportedVersion { found: 9, .. })
        ));
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(
            decode::<T>(ModelKind::PosTagger, &flipped),
            Err(ModelError::Checksum)
        );
        let mut short = good.clone();
        short.pop();
        assert!(matches!(
            decode::<T>(ModelKind::PosTagger, &short),
            Err(ModelError::Truncated(_))
        ));
        let mut kind = good;
        kind[10] = 42;
        assert!(matches!(
            decode::<T>(ModelKind::PosTagger, &kind),
            Err(ModelError::WrongKind { found: 42, .. })
        ));
    }

    #[test]
    fn a_weight_array_cut_inside_a_value_is_a_decode_error() {
        use crate::perceptron::{le_arrays, SparseTable};
        // A weight table in a valid frame whose hashes hold 5 bytes.
        #[derive(Serialize)]
        struct Raw {
            #[serde(with = "le_arrays")]
            features: Vec<u8>,
            #[serde(with = "le_arrays")]
            offsets: Vec<u32>,
            #[serde(with = "le_arrays")]
            classes: Vec<u8>,
            #[serde(with = "le_arrays")]
            weights: Vec<f32>,
        }
        let raw = Raw {
            features: vec![1, 2, 3, 4, 5],
            offsets: vec![0, 1],
            classes: vec![0],
            weights: vec![0.5],
        };
        let bytes = encode(ModelKind::PosTagger, &raw);
        assert!(matches!(
            decode::<SparseTable>(ModelKind::PosTagger, &bytes),
            Err(ModelError::Decode(_))
        ));
        // The same table with whole hashes decodes.
        let whole = Raw {
            features: vec![1, 2, 3, 4, 5, 6, 7, 8],
            ..raw
        };
        let table: SparseTable =
            decode(ModelKind::PosTagger, &encode(ModelKind::PosTagger, &whole)).unwrap();
        assert_eq!(
            table.features,
            vec![u64::from_le_bytes([1, 2, 3, 4, 5, 6, 7, 8])]
        );
    }
}
