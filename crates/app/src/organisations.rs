//! Organisations (gemeente, zorgaanbieder, ...) and their members.
