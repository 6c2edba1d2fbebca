//! The PDF front end: a PDF → the same [`Layout`] the text front end makes.
