//! 64 bytes at a time: a test on each byte as one bit of a `u64`.
//!
//! Written so the compiler makes the 64 tests vector instructions: the tests fill an array of
//! 0 and 1 flags, and [`pack`] gathers them eight at a time with a multiplication. A loop that
//! shifts each test into its bit is not vectorised, and is four times slower.

/// The bits of `test` on each of the 64 bytes: bit `i` for `block[i]`.
#[inline]
pub fn of(block: &[u8; 64], test: impl Fn(u8) -> bool) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from(test(b));
    }
    pack(&flags)
}

/// 64 flags of 0 or 1 as the bits of a `u64`, eight at a time: the multiplication moves
/// byte `t`'s low bit to bit `56 + t` without carries.
#[inline]
pub fn pack(flags: &[u8; 64]) -> u64 {
    let mut mask = 0;
    for g in 0..8 {
        let eight = u64::from_le_bytes(std::array::from_fn(|t| flags[g * 8 + t]));
        mask |= (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * g);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_is_its_own_bit() {
        for i in 0..64 {
            let mut block = [b'x'; 64];
            block[i] = b'\n';
            assert_eq!(of(&block, |b| b == b'\n'), 1 << i);
        }
        assert_eq!(of(&[b'\n'; 64], |b| b == b'\n'), u64::MAX);
        assert_eq!(of(&[0; 64], |b| b == b'\n'), 0);
    }
}
