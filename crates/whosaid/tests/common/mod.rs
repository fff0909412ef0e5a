pub mod junk;
