pub mod junk;
pub mod polnear;
