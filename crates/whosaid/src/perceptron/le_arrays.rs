//! Numeric arrays of a stored model as one run of little-endian bytes.
//!
//! postcard writes a `Vec<u64>` element by element (a varint each) and
//! reads it back the same way: decoding the weight tables so was 38% of
//! the instructions of extracting one article, model loading included.
//! As one byte string each array is read in a single pass of
//! `from_le_bytes`, and the feature hashes (random 64-bit values, 9–10
//! bytes as varints) take 8 bytes each.
//!
//! Used as `#[serde(with = "le_arrays")]` on `Vec<u8 | u32 | u64 | f32>`.

use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;

/// A number stored in a fixed number of little-endian bytes.
pub(crate) trait LeScalar: Sized + Copy {
    /// Its size in bytes.
    const SIZE: usize;
    /// Appends its bytes.
    fn put(self, out: &mut Vec<u8>);
    /// Reads it back from exactly [`LeScalar::SIZE`] bytes.
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! le_scalar {
    ($($t:ty),*) => {$(
        impl LeScalar for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut b = [0u8; std::mem::size_of::<$t>()];
                b.copy_from_slice(bytes);
                <$t>::from_le_bytes(b)
            }
        }
    )*};
}
le_scalar!(u8, u32, u64, f32);

/// Writes `values` as one byte string.
pub(crate) fn serialize<T: LeScalar, S: Serializer>(
    values: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(values.len() * T::SIZE);
    for &v in values {
        v.put(&mut bytes);
    }
    serializer.serialize_bytes(&bytes)
}

/// Reads what [`serialize`] wrote; a length that is not a whole number
/// of values is an error, not a truncation.
pub(crate) fn deserialize<'de, T: LeScalar, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_bytes(LeVisitor(PhantomData))
}

struct LeVisitor<T>(PhantomData<T>);

impl<T: LeScalar> Visitor<'_> for LeVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a byte string of {}-byte little-endian numbers", T::SIZE)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if bytes.len() % T::SIZE != 0 {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        Ok(bytes.chunks_exact(T::SIZE).map(T::get).collect())
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Vec<T>, E> {
        self.visit_bytes(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Arrays {
        #[serde(with = "super")]
        hashes: Vec<u64>,
        #[serde(with = "super")]
        offsets: Vec<u32>,
        #[serde(with = "super")]
        classes: Vec<u8>,
        #[serde(with = "super")]
        weights: Vec<f32>,
    }

    #[test]
    fn arrays_round_trip_through_postcard_bit_for_bit() {
        let a = Arrays {
            hashes: vec![0, 1, u64::MAX, 0x0123_4567_89ab_cdef],
            offsets: vec![0, 3, u32::MAX],
            classes: vec![0, 7, 255],
            weights: vec![0.0, -0.0, 1.5, f32::MIN_POSITIVE, f32::MAX, -3.25e-7],
        };
        let bytes = postcard::to_allocvec(&a).unwrap();
        let back: Arrays = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.hashes, a.hashes);
        assert_eq!(back.offsets, a.offsets);
        assert_eq!(back.classes, a.classes);
        let bits = |w: &[f32]| w.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back.weights), bits(&a.weights));
        // Fixed-width hashes: 8 bytes each plus a one-byte length.
        let hashes_only = postcard::to_allocvec(&Arrays {
            hashes: vec![u64::MAX; 4],
            offsets: vec![],
            classes: vec![],
            weights: vec![],
        })
        .unwrap();
        assert_eq!(hashes_only.len(), 1 + 32 + 3);
    }

    #[test]
    fn a_length_that_is_not_whole_values_is_an_error() {
        #[derive(Debug, Deserialize)]
        struct Hashes {
            #[serde(with = "super")]
            #[allow(dead_code)]
            hashes: Vec<u64>,
        }
        // Length 5, then five bytes: not a whole u64.
        let bytes = [5u8, 1, 2, 3, 4, 5];
        let err = postcard::from_bytes::<Hashes>(&bytes).unwrap_err();
        assert!(matches!(err, postcard::Error::SerdeDeCustom), "{err:?}");
        // A length past the end of the input.
        assert!(postcard::from_bytes::<Hashes>(&[200u8, 1, 2]).is_err());
    }
}
