//! Base letters for accented Latin letters, for accent-insensitive search.

// @generated from Unicode decompositions (Python unicodedata, NFD first letter);
// `\0` marks a character left as it is.
pub(super) const LATIN_C0_24F: &[u8; 400] = b"\
aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuytyaaaaaacccccccc\
ddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkkllllllllllnnnnnnn\0\0oooooooorrrrrr\
ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
\0\0\0\0\0\0\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\
\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0\0aaeeooooooooyy\0\0\
\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
";
pub(super) const LATIN_1E00_1EFF: &[u8; 256] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooo\
oooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0\0\0\
\0\0\0aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuu\
uuuuuuuuyyyyyyyy\0\0\0\0\0\0\
";
