/*
 * FP operations on one element under a non-default FPCR, exactly as the Arm ARM defines them: any rounding mode,
 * flush-to-zero (inputs and tiny results, with Input Denormal and Underflow), default NaN, and every FPSR
 * exception. Lifted code runs FP instructions natively while FPCR is the default (the process starts so and
 * most programs never change it) and calls elfconv_fp_element, element by element, only when FPCR.RMode, FZ, DN
 * or AHP are set (and for the estimates and steps, which have no native counterpart).
 *
 * Values are integers: a significand and a binary exponent, rounded once by round_pack. FPCR.AHP selects the
 * alternative half-precision format of FCVT: no infinities or NaNs, exponent 31 a normal one.
 */
#include "../elfconv.h"
#include "runtime.h"
#include "wide.h"

typedef struct {
  int fraction_bits, exponent_bits;
} Format;

static const Format HALF = {10, 5}, SINGLE = {23, 8}, DOUBLE = {52, 11};

static int bias(Format f) { return (1 << (f.exponent_bits - 1)) - 1; }
static int bits_of_format(Format f) { return 1 + f.exponent_bits + f.fraction_bits; }
static uint64_t sign_bit(Format f) { return 1ull << (f.fraction_bits + f.exponent_bits); }
static uint64_t infinity_bits(Format f) { return ((1ull << f.exponent_bits) - 1) << f.fraction_bits; }
static uint64_t quiet_bit(Format f) { return 1ull << (f.fraction_bits - 1); }
static uint64_t default_nan(Format f) { return infinity_bits(f) | quiet_bit(f); }

/* FPCR.RMode values, then FPRounding_TIEAWAY of FRINTA and FCVTA*, and FPRounding_ODD of FCVTXN. */
enum { TIE_EVEN, POSITIVE, NEGATIVE, ZERO, TIE_AWAY, ODD };

typedef struct {
  int rounding, flush, default_nan, alternative_half;
  uint32_t flags; /* FPSR exception bits raised */
} Env;

static int is_half(Format f) { return f.fraction_bits == HALF.fraction_bits; }

typedef enum { IS_ZERO, IS_FINITE, IS_INFINITE, IS_QNAN, IS_SNAN } Class;

/* An operand: sign, class, and for finite values significand * 2^exponent; bits as the operation sees them
 * (a flushed denormal as a zero). */
typedef struct {
  Class cls;
  int sign;
  uint64_t significand;
  int exponent;
  uint64_t bits;
} Value;

/* FPUnpack: denormals become zeros (Input Denormal) when flush is set. */
static Value unpack_value(uint64_t bits, Format f, int flush, Env *env) {
  Value v = {IS_ZERO, (int)((bits >> (f.fraction_bits + f.exponent_bits)) & 1), 0, 0, bits};
  uint64_t biased = (bits >> f.fraction_bits) & ((1ull << f.exponent_bits) - 1);
  uint64_t fraction = bits & ((1ull << f.fraction_bits) - 1);
  if (biased == (1ull << f.exponent_bits) - 1 && !(is_half(f) && env->alternative_half)) {
    v.cls = fraction == 0 ? IS_INFINITE : (fraction & quiet_bit(f)) ? IS_QNAN : IS_SNAN;
  } else if (biased == 0) {
    if (fraction != 0 && flush) {
      env->flags |= FPSR_IDC;
      v.bits = bits & sign_bit(f);
    } else if (fraction != 0) {
      v.cls = IS_FINITE;
      v.significand = fraction;
      v.exponent = 1 - bias(f) - f.fraction_bits;
    }
  } else {
    v.cls = IS_FINITE;
    v.significand = fraction | (1ull << f.fraction_bits);
    v.exponent = (int)biased - bias(f) - f.fraction_bits;
  }
  return v;
}

static int is_nan(Value v) { return v.cls == IS_QNAN || v.cls == IS_SNAN; }

static uint64_t signed_zero(int sign, Format f) { return sign ? sign_bit(f) : 0; }
static uint64_t signed_infinity(int sign, Format f) { return signed_zero(sign, f) | infinity_bits(f); }

static uint64_t invalid(Format f, Env *env) {
  env->flags |= FPSR_IOC;
  return default_nan(f);
}

/* FPProcessNaNs over n operands: signalling NaNs first, then quiet ones, in operand order. */
static int process_nans(const Value *v, int n, Format f, Env *env, uint64_t *result) {
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i < n; i++) {
      if (v[i].cls == (pass == 0 ? IS_SNAN : IS_QNAN)) {
        if (pass == 0) env->flags |= FPSR_IOC;
        *result = env->default_nan ? default_nan(f) : v[i].bits | quiet_bit(f);
        return 1;
      }
    }
  }
  return 0;
}

/* Whether a value cut at `shift` bits rounds its magnitude up: rest is what was cut, q what was kept. */
static int rounds_up(Wide rest, int shift, uint64_t q, int sign, int rounding) {
  if (rest.hi == 0 && rest.lo == 0) return 0;
  int versus_half = shift > 128 ? -1 : compare(rest, shift == 128 ? (Wide){1ull << 63, 0} : shift_left((Wide){0, 1}, shift - 1));
  switch (rounding) {
  case TIE_EVEN: return versus_half > 0 || (versus_half == 0 && (q & 1));
  case TIE_AWAY: return versus_half >= 0;
  case POSITIVE: return !sign;
  case NEGATIVE: return sign;
  default: return 0;
  }
}

/* FPRoundBase: (-1)^sign * significand * 2^exponent (significand != 0) rounded once into format f. In the
 * alternative half-precision format exponent 31 is a normal one and a larger value saturates with Invalid
 * Operation instead of overflowing. */
static uint64_t round_pack(int sign, Wide significand, int exponent, Format f, int flush, Env *env) {
  uint64_t s = signed_zero(sign, f);
  int alternative = is_half(f) && env->alternative_half;
  int leading = exponent + top_bit(significand);
  int emin = 1 - bias(f), emax = alternative ? bias(f) + 1 : bias(f);
  if (leading < emin && flush) {
    env->flags |= FPSR_UFC;
    return s;
  }
  int lsb = leading - f.fraction_bits, min_lsb = emin - f.fraction_bits;
  if (lsb < min_lsb) lsb = min_lsb;
  uint64_t bits = 0;
  int inexact = 0;
  if (leading <= emax) {
    int shift = lsb - exponent;
    uint64_t q;
    if (shift <= 0) {
      q = shift_left(significand, -shift).lo;
    } else {
      Wide kept = shift_right(significand, shift);
      Wide rest = shift >= 128 ? significand : subtract(significand, shift_left(kept, shift));
      q = kept.lo;
      inexact = rest.hi != 0 || rest.lo != 0;
      q += rounds_up(rest, shift, q, sign, env->rounding);
      if (env->rounding == ODD && inexact) q |= 1;
    }
    bits = ((uint64_t)(lsb - min_lsb) << f.fraction_bits) + q; /* a carry into the exponent is right */
  }
  if (alternative && (leading > emax || bits > 0x7fff)) {
    env->flags |= FPSR_IOC;
    return s | 0x7fff;
  }
  if (!alternative && (leading > emax || bits >= infinity_bits(f))) {
    env->flags |= FPSR_OFC | FPSR_IXC;
    int rounding = env->rounding;
    int to_infinity = rounding == TIE_EVEN || (rounding == POSITIVE && !sign) || (rounding == NEGATIVE && sign);
    return s | (to_infinity ? infinity_bits(f) : infinity_bits(f) - 1);
  }
  if (inexact) env->flags |= leading < emin ? FPSR_IXC | FPSR_UFC : FPSR_IXC;
  return s | bits;
}

/* An exact term of a sum: zero (with a sign) or (-1)^sign * significand * 2^exponent. */
typedef struct {
  int zero, sign;
  Wide significand;
  int exponent;
} Term;

static Term term_of(Value v) {
  return (Term){v.cls == IS_ZERO, v.sign, (Wide){0, v.significand}, v.exponent};
}

/* a + b rounded once: the core of FADD, FSUB, FMUL and the fused multiply-adds. */
static uint64_t round_sum(Term a, Term b, Format f, Env *env) {
  int exact_zero_sign = env->rounding == NEGATIVE;
  if (a.zero && b.zero) return signed_zero(a.sign == b.sign ? a.sign : exact_zero_sign, f);
  if (a.zero) return round_pack(b.sign, b.significand, b.exponent, f, env->flush, env);
  if (b.zero) return round_pack(a.sign, a.significand, a.exponent, f, env->flush, env);
  Wide big = normalise(a.significand, &a.exponent), small = normalise(b.significand, &b.exponent);
  int big_sign = a.sign, small_sign = b.sign, exponent = a.exponent, gap = a.exponent - b.exponent;
  if (gap < 0) {
    Wide t = big;
    big = small, small = t, big_sign = b.sign, small_sign = a.sign, exponent = b.exponent, gap = -gap;
  }
  small = shift_right_jamming(small, gap);
  Wide sum;
  int sign = big_sign;
  if (big_sign == small_sign) {
    sum = add(big, small);
  } else if (compare(big, small) >= 0) {
    sum = subtract(big, small);
  } else {
    sum = subtract(small, big);
    sign = small_sign;
  }
  if (sum.hi == 0 && sum.lo == 0) return signed_zero(exact_zero_sign, f);
  return round_pack(sign, sum, exponent, f, env->flush, env);
}

static uint64_t fp_add(uint64_t a, uint64_t b, Format f, Env *env) {
  Value v[2] = {unpack_value(a, f, env->flush, env), unpack_value(b, f, env->flush, env)};
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  if (v[0].cls == IS_INFINITE && v[1].cls == IS_INFINITE && v[0].sign != v[1].sign) return invalid(f, env);
  if (v[0].cls == IS_INFINITE || v[1].cls == IS_INFINITE) {
    return signed_infinity(v[0].cls == IS_INFINITE ? v[0].sign : v[1].sign, f);
  }
  return round_sum(term_of(v[0]), term_of(v[1]), f, env);
}

/* The exact product of two finite or zero values as a term. */
static Term product_term(Value x, Value y) {
  int zero = x.cls == IS_ZERO || y.cls == IS_ZERO;
  return (Term){zero, x.sign ^ y.sign, multiply(x.significand, y.significand), x.exponent + y.exponent};
}

static uint64_t fp_multiply(uint64_t a, uint64_t b, Format f, Env *env) {
  Value v[2] = {unpack_value(a, f, env->flush, env), unpack_value(b, f, env->flush, env)};
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  int sign = v[0].sign ^ v[1].sign;
  if (v[0].cls == IS_INFINITE || v[1].cls == IS_INFINITE) {
    return v[0].cls == IS_ZERO || v[1].cls == IS_ZERO ? invalid(f, env) : signed_infinity(sign, f);
  }
  Term p = product_term(v[0], v[1]);
  return p.zero ? signed_zero(sign, f) : round_pack(sign, p.significand, p.exponent, f, env->flush, env);
}

/* FPMulAdd: addend + x * y. */
static uint64_t fp_fused(uint64_t addend, uint64_t x, uint64_t y, Format f, Env *env) {
  Value v[3] = {unpack_value(addend, f, env->flush, env), unpack_value(x, f, env->flush, env),
                unpack_value(y, f, env->flush, env)};
  int infinity_times_zero = (v[1].cls == IS_INFINITE && v[2].cls == IS_ZERO)
                            || (v[1].cls == IS_ZERO && v[2].cls == IS_INFINITE);
  uint64_t result;
  if (process_nans(v, 3, f, env, &result)) {
    return v[0].cls == IS_QNAN && infinity_times_zero ? invalid(f, env) : result;
  }
  if (infinity_times_zero) return invalid(f, env);
  int product_sign = v[1].sign ^ v[2].sign;
  int product_infinite = v[1].cls == IS_INFINITE || v[2].cls == IS_INFINITE;
  if (product_infinite && v[0].cls == IS_INFINITE && product_sign != v[0].sign) return invalid(f, env);
  if (product_infinite) return signed_infinity(product_sign, f);
  if (v[0].cls == IS_INFINITE) return signed_infinity(v[0].sign, f);
  return round_sum(product_term(v[1], v[2]), term_of(v[0]), f, env);
}

static uint64_t fp_divide(uint64_t a, uint64_t b, Format f, Env *env) {
  Value v[2] = {unpack_value(a, f, env->flush, env), unpack_value(b, f, env->flush, env)};
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  int sign = v[0].sign ^ v[1].sign;
  if ((v[0].cls == IS_INFINITE && v[1].cls == IS_INFINITE) || (v[0].cls == IS_ZERO && v[1].cls == IS_ZERO)) {
    return invalid(f, env);
  }
  if (v[0].cls == IS_INFINITE) return signed_infinity(sign, f);
  if (v[1].cls == IS_INFINITE || v[0].cls == IS_ZERO) return signed_zero(sign, f);
  if (v[1].cls == IS_ZERO) {
    env->flags |= FPSR_DZC;
    return signed_infinity(sign, f);
  }
  /* 75 more quotient bits than the significands have: far more than rounding needs; the remainder is sticky. */
  Wide numerator = shift_left((Wide){0, v[0].significand}, 75);
  uint64_t divisor = v[1].significand, remainder = 0;
  Wide quotient = {0, 0};
  for (int bit = 127; bit >= 0; bit--) {
    uint64_t next = bit >= 64 ? (numerator.hi >> (bit - 64)) & 1 : (numerator.lo >> bit) & 1;
    remainder = remainder << 1 | next;
    quotient = shift_left(quotient, 1);
    if (remainder >= divisor) {
      remainder -= divisor;
      quotient.lo |= 1;
    }
  }
  if (remainder != 0) quotient.lo |= 1;
  return round_pack(sign, quotient, v[0].exponent - v[1].exponent - 75, f, env->flush, env);
}

static uint64_t fp_sqrt(uint64_t a, Format f, Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t result;
  if (process_nans(&v, 1, f, env, &result)) return result;
  if (v.cls == IS_ZERO) return v.bits;
  if (v.sign) return invalid(f, env);
  if (v.cls == IS_INFINITE) return v.bits;
  /* The significand shifted to about 120 bits, by an amount that leaves the exponent even. */
  int shift = 120 - top_bit((Wide){0, v.significand});
  if ((v.exponent - shift) & 1) shift++;
  Wide radicand = shift_left((Wide){0, v.significand}, shift);
  Wide root = {0, 0}, remainder = {0, 0};
  for (int pair = 63; pair >= 0; pair--) { /* digit by digit: two radicand bits per root bit */
    uint64_t two = pair >= 32 ? (radicand.hi >> (2 * pair - 64)) & 3 : (radicand.lo >> (2 * pair)) & 3;
    remainder = add(shift_left(remainder, 2), (Wide){0, two});
    Wide trial = add(shift_left(root, 2), (Wide){0, 1});
    root = shift_left(root, 1);
    if (compare(remainder, trial) >= 0) {
      remainder = subtract(remainder, trial);
      root.lo |= 1;
    }
  }
  if (remainder.hi != 0 || remainder.lo != 0) root.lo |= 1;
  return round_pack(0, root, (v.exponent - shift) / 2, f, env->flush, env);
}

/* The real order of two non-NaN values: -1, 0 or 1. */
static int compare_values(Value x, Value y) {
  if (x.cls == IS_ZERO && y.cls == IS_ZERO) return 0;
  int xs = x.cls == IS_ZERO ? 0 : x.sign ? -1 : 1, ys = y.cls == IS_ZERO ? 0 : y.sign ? -1 : 1;
  if (xs != ys) return xs < ys ? -1 : 1;
  int magnitude;
  if (x.cls == IS_INFINITE || y.cls == IS_INFINITE) {
    magnitude = (x.cls == IS_INFINITE) - (y.cls == IS_INFINITE);
  } else {
    int ex = x.exponent, ey = y.exponent;
    Wide mx = normalise((Wide){0, x.significand}, &ex), my = normalise((Wide){0, y.significand}, &ey);
    magnitude = ex != ey ? (ex < ey ? -1 : 1) : compare(mx, my);
  }
  return xs * magnitude;
}

/* FMAX, FMIN, FMAXNM, FMINNM. */
static uint64_t fp_max(uint64_t a, uint64_t b, int maximum, int number, Format f, Env *env) {
  Value v[2] = {unpack_value(a, f, env->flush, env), unpack_value(b, f, env->flush, env)};
  if (number) { /* one quiet NaN is missing data: the infinity that loses */
    for (int i = 0; i < 2; i++) {
      if (v[i].cls == IS_QNAN && v[1 - i].cls != IS_QNAN) {
        v[i] = (Value){IS_INFINITE, maximum, 0, 0, signed_infinity(maximum, f)};
      }
    }
  }
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  int order = compare_values(v[0], v[1]);
  Value chosen = (maximum ? order > 0 : order < 0) ? v[0] : v[1];
  if (chosen.cls == IS_ZERO) return signed_zero(maximum ? v[0].sign & v[1].sign : v[0].sign | v[1].sign, f);
  return chosen.bits;
}

/* FPRoundInt, and the integral rounding of FPToFixed: the magnitude of v (finite) rounded to an integer; *fits
 * is cleared when it needs more than 64 bits. */
static uint64_t round_magnitude(Value v, int rounding, int *inexact, int *fits) {
  *inexact = 0;
  *fits = 1;
  if (v.cls == IS_ZERO) return 0;
  if (v.exponent >= 0) {
    if (v.exponent + top_bit((Wide){0, v.significand}) >= 64) {
      *fits = 0;
      return 0;
    }
    return v.significand << v.exponent;
  }
  int shift = -v.exponent;
  Wide all = {0, v.significand};
  Wide kept = shift_right(all, shift);
  Wide rest = shift >= 128 ? all : subtract(all, shift_left(kept, shift));
  *inexact = rest.lo != 0 || rest.hi != 0;
  return kept.lo + rounds_up(rest, shift, kept.lo, v.sign, rounding);
}

static uint64_t fp_round_integral(uint64_t a, int rounding, int signal_inexact, Format f, Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t result;
  if (process_nans(&v, 1, f, env, &result)) return result;
  if (v.cls != IS_FINITE || v.exponent >= 0) return v.bits;
  int inexact, fits;
  uint64_t q = round_magnitude(v, rounding, &inexact, &fits);
  if (inexact && signal_inexact) env->flags |= FPSR_IXC;
  if (q == 0) return signed_zero(v.sign, f);
  Env exact = *env;
  return round_pack(v.sign, (Wide){0, q}, 0, f, 0, &exact);
}

/* FPToFixed: saturating, NaN gives 0; Invalid Operation alone when out of range, else Inexact. */
static uint64_t fp_to_integer(uint64_t a, int fraction_bits, int is_unsigned, int int_bits, int rounding, Format f,
                              Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t max = is_unsigned ? (int_bits == 64 ? ~0ull : (1ull << int_bits) - 1) : (1ull << (int_bits - 1)) - 1;
  uint64_t min = is_unsigned ? 0 : 1ull << (int_bits - 1); /* magnitude of the most negative value */
  if (is_nan(v)) {
    env->flags |= FPSR_IOC;
    return 0;
  }
  int inexact = 0, fits = 1;
  uint64_t q = 0;
  if (v.cls == IS_INFINITE) {
    fits = 0;
  } else if (v.cls == IS_FINITE) {
    v.exponent += fraction_bits;
    q = round_magnitude(v, rounding, &inexact, &fits);
  }
  if (!fits || (!v.sign && q > max) || (v.sign && q > min)) {
    env->flags |= FPSR_IOC;
    return v.sign ? (is_unsigned ? 0 : min) : max;
  }
  if (inexact) env->flags |= FPSR_IXC;
  uint64_t result = v.sign ? -q : q;
  return int_bits == 32 ? (uint32_t)result : result;
}

static uint64_t integer_to_fp(uint64_t n, int is_unsigned, int int_bits, int fraction_bits, Format f, Env *env) {
  int sign = 0;
  if (int_bits == 32) n = is_unsigned ? (uint32_t)n : (uint64_t)(int64_t)(int32_t)n;
  if (!is_unsigned && (int64_t)n < 0) {
    sign = 1;
    n = -n;
  }
  if (n == 0) return 0;
  return round_pack(sign, (Wide){0, n}, -fraction_bits, f, env->flush, env);
}

/* FPConvert between formats: flushing applies to single and double, never to half precision. */
static uint64_t fp_convert(uint64_t a, Format from, Format to, Env *env) {
  Value v = unpack_value(a, from, env->flush && !is_half(from), env);
  int alternative = is_half(to) && env->alternative_half;
  if (alternative && (is_nan(v) || v.cls == IS_INFINITE)) { /* no NaN or infinity to give */
    env->flags |= FPSR_IOC;
    return signed_zero(v.sign, to) | (v.cls == IS_INFINITE ? 0x7fff : 0);
  }
  if (is_nan(v)) {
    if (v.cls == IS_SNAN) env->flags |= FPSR_IOC;
    if (env->default_nan) return default_nan(to);
    uint64_t fraction = a & ((1ull << from.fraction_bits) - 1);
    int shift = to.fraction_bits - from.fraction_bits;
    uint64_t payload = shift > 0 ? fraction << shift : fraction >> -shift;
    return signed_zero(v.sign, to) | default_nan(to) | payload;
  }
  if (v.cls == IS_INFINITE) return signed_infinity(v.sign, to);
  if (v.cls == IS_ZERO) return signed_zero(v.sign, to);
  int flush = env->flush && !is_half(to);
  return round_pack(v.sign, (Wide){0, v.significand}, v.exponent, to, flush, env);
}

static Format format_of(uint32_t type) {
  return type == 0 ? SINGLE : type == 1 ? DOUBLE : HALF;
}

static uint64_t negate(uint64_t bits, Format f) { return bits ^ sign_bit(f); }

/* FPMulX: FPMul, but infinity times zero is 2 with the sign of the product. */
static uint64_t fp_multiply_extended(uint64_t a, uint64_t b, Format f, Env *env) {
  Value x = unpack_value(a, f, env->flush, env), y = unpack_value(b, f, env->flush, env);
  int infinity_times_zero = (x.cls == IS_INFINITE && y.cls == IS_ZERO) || (x.cls == IS_ZERO && y.cls == IS_INFINITE);
  if (!is_nan(x) && !is_nan(y) && infinity_times_zero) {
    return signed_zero(x.sign ^ y.sign, f) | ((uint64_t)bias(f) + 1) << f.fraction_bits;
  }
  return fp_multiply(a, b, f, env);
}

/* FPSub: NaNs as the operands are, then a + (-b). */
static uint64_t fp_subtract(uint64_t a, uint64_t b, Format f, Env *env) {
  Value v[2] = {unpack_value(a, f, env->flush, env), unpack_value(b, f, env->flush, env)};
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  return fp_add(a, negate(b, f), f, env);
}

/* FPRecipStepFused (2 - a * b) and FPRSqrtStepFused ((3 - a * b) / 2), each rounded once. */
static uint64_t fp_step(uint64_t a, uint64_t b, int square_root, Format f, Env *env) {
  Value v[2] = {unpack_value(negate(a, f), f, env->flush, env), unpack_value(b, f, env->flush, env)};
  uint64_t result;
  if (process_nans(v, 2, f, env, &result)) return result;
  int infinite = v[0].cls == IS_INFINITE || v[1].cls == IS_INFINITE;
  if (infinite && (v[0].cls == IS_ZERO || v[1].cls == IS_ZERO)) { /* 2 or 1.5 */
    return ((uint64_t)bias(f) + (square_root ? 0 : 1)) << f.fraction_bits | (square_root ? quiet_bit(f) : 0);
  }
  if (infinite) return signed_infinity(v[0].sign ^ v[1].sign, f);
  Term p = product_term(v[0], v[1]);
  Term constant = {0, 0, (Wide){0, square_root ? 3 : 1}, square_root ? -1 : 1};
  if (square_root) p.exponent -= 1;
  return round_sum(p, constant, f, env);
}

/* FPCompareEQ, GE, GT as all-ones or zero; GE and GT signal on every NaN, EQ on signalling ones. */
static uint64_t fp_compare_mask(uint64_t a, uint64_t b, int relation, Format f, Env *env) {
  Value x = unpack_value(a, f, env->flush, env), y = unpack_value(b, f, env->flush, env);
  uint64_t ones = bits_of_format(f) == 64 ? ~0ull : (1ull << bits_of_format(f)) - 1;
  if (is_nan(x) || is_nan(y)) {
    if (relation != 0 || x.cls == IS_SNAN || y.cls == IS_SNAN) env->flags |= FPSR_IOC;
    return 0;
  }
  int order = compare_values(x, y);
  int holds = relation == 0 ? order == 0 : relation == 1 ? order >= 0 : order > 0;
  return holds ? ones : 0;
}

/* RecipEstimate and RecipSqrtEstimate of the Arm ARM: 8-bit estimates (256..511) from a 9-bit input. */
static uint64_t recip_estimate(uint64_t a) {
  a = a * 2 + 1;
  uint64_t b = (1ull << 19) / a;
  return (b + 1) / 2;
}

static uint64_t recip_sqrt_estimate(uint64_t a) {
  a = a < 256 ? a * 2 + 1 : (((a >> 1) << 1) + 1) * 2; /* in 1/512ths (1/256ths), rounded to nearest */
  uint64_t b = 512;
  while (a * (b + 1) * (b + 1) < (1ull << 28)) b++;
  return (b + 1) / 2;
}

/* FPRecipEstimate (FRECPE). */
static uint64_t fp_recip_estimate(uint64_t a, Format f, Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t result;
  if (process_nans(&v, 1, f, env, &result)) return result;
  if (v.cls == IS_INFINITE) return signed_zero(v.sign, f);
  if (v.cls == IS_ZERO) {
    env->flags |= FPSR_DZC;
    return signed_infinity(v.sign, f);
  }
  uint64_t biased = (a >> f.fraction_bits) & ((1ull << f.exponent_bits) - 1);
  int exp = (int)biased;
  uint64_t fraction = (a & ((1ull << f.fraction_bits) - 1)) << (52 - f.fraction_bits);
  /* |value| < 2^-128 (single) or 2^-1024 (double): the reciprocal overflows. */
  if (exp == 0 && !(fraction >> 51) && !((fraction >> 50) & 1)) {
    int rounding = env->rounding;
    int to_infinity = rounding == TIE_EVEN || (rounding == POSITIVE && !v.sign) || (rounding == NEGATIVE && v.sign);
    env->flags |= FPSR_OFC | FPSR_IXC;
    return to_infinity ? signed_infinity(v.sign, f) : signed_zero(v.sign, f) | (infinity_bits(f) - 1);
  }
  if (env->flush && exp >= 2 * bias(f) - 1) { /* |value| >= 2^126 (2^1022): the reciprocal would be denormal */
    env->flags |= FPSR_UFC;
    return signed_zero(v.sign, f);
  }
  if (exp == 0) {
    if (!(fraction >> 51)) {
      exp = -1;
      fraction = (fraction << 2) & ((1ull << 52) - 1);
    } else {
      fraction = (fraction << 1) & ((1ull << 52) - 1);
    }
  }
  uint64_t scaled = (1ull << 8) | (fraction >> 44);
  int result_exp = 2 * bias(f) - 1 - exp;
  uint64_t estimate = recip_estimate(scaled);
  fraction = (estimate & 0xff) << 44;
  if (result_exp == 0) {
    fraction = 1ull << 51 | fraction >> 1;
  } else if (result_exp == -1) {
    fraction = 1ull << 50 | fraction >> 2;
    result_exp = 0;
  }
  return signed_zero(v.sign, f) | (uint64_t)result_exp << f.fraction_bits | fraction >> (52 - f.fraction_bits);
}

/* FPRSqrtEstimate (FRSQRTE). */
static uint64_t fp_rsqrt_estimate(uint64_t a, Format f, Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t result;
  if (process_nans(&v, 1, f, env, &result)) return result;
  if (v.cls == IS_ZERO) {
    env->flags |= FPSR_DZC;
    return signed_infinity(v.sign, f);
  }
  if (v.sign) return invalid(f, env);
  if (v.cls == IS_INFINITE) return 0;
  int exp = (int)((a >> f.fraction_bits) & ((1ull << f.exponent_bits) - 1));
  uint64_t fraction = (a & ((1ull << f.fraction_bits) - 1)) << (52 - f.fraction_bits);
  if (exp == 0) {
    while (!(fraction >> 51)) {
      fraction = (fraction << 1) & ((1ull << 52) - 1);
      exp--;
    }
    fraction = (fraction << 1) & ((1ull << 52) - 1);
  }
  uint64_t scaled = (exp & 1) == 0 ? (1ull << 8) | fraction >> 44 : (1ull << 7) | fraction >> 45;
  int numerator = 3 * bias(f) - 1 - exp; /* 380 - exp (single), 3068 - exp (double): positive */
  int result_exp = numerator / 2;
  uint64_t estimate = recip_sqrt_estimate(scaled);
  return (uint64_t)result_exp << f.fraction_bits | (estimate & 0xff) << (f.fraction_bits - 8);
}

/* FPRecpX (FRECPX): the exponent inverted, the fraction cleared; zeros and denormals get the largest exponent. */
static uint64_t fp_recpx(uint64_t a, Format f, Env *env) {
  Value v = unpack_value(a, f, env->flush, env);
  uint64_t result;
  if (process_nans(&v, 1, f, env, &result)) return result;
  uint64_t exponent_mask = (1ull << f.exponent_bits) - 1;
  uint64_t exp = (a >> f.fraction_bits) & exponent_mask;
  uint64_t inverted = exp == 0 ? exponent_mask - 1 : ~exp & exponent_mask;
  return signed_zero(v.sign, f) | inverted << f.fraction_bits;
}

/* FPCompare as NZCV; FCMPE signals on every NaN, FCMP on signalling ones. */
static int fp_compare(uint64_t a, uint64_t b, int signal_all, Format f, Env *env) {
  Value x = unpack_value(a, f, env->flush, env), y = unpack_value(b, f, env->flush, env);
  if (is_nan(x) || is_nan(y)) {
    if (signal_all || x.cls == IS_SNAN || y.cls == IS_SNAN) env->flags |= FPSR_IOC;
    return 0x3;
  }
  int order = compare_values(x, y);
  return order < 0 ? 0x8 : order == 0 ? 0x6 : 0x2;
}

/* The operations of elfconv_fp_element, numbered as elfconv.semantics.FloatElement numbers them. */
enum {
  E_ADD, E_SUB, E_MUL, E_DIV, E_MAX, E_MIN, E_MAXNM, E_MINNM, E_MULX, E_FUSED, E_ABD, E_SQRT, E_CMEQ, E_CMGE,
  E_CMGT, E_ACGE, E_ACGT, E_ROUND, E_TO_INT, E_FROM_INT, E_CONVERT, E_RECPS, E_RSQRTS, E_RECPE, E_RSQRTE, E_RECPX,
  E_COMPARE
};

static Env current_env(void) {
  uint64_t fpcr = elfconv_state.fpcr;
  return (Env){(int)((fpcr >> 22) & 3), (int)((fpcr >> 24) & 1), (int)((fpcr >> 25) & 1), (int)((fpcr >> 26) & 1), 0};
}

/* operation: bits 0-7 the operation, 8-9 the format (0 single, 1 double, 3 half), 10-12 the rounding (7: FPCR's),
 * 13 unsigned, 14 FRINTX's Inexact or FCMPE's signalling, 16-22 fraction bits, 24-25 the format converted to,
 * 26-27 the integer's width where it is not the format's (1: 32 bits, 2: 64). COMPARE gives NZCV, when c is not
 * zero (FCCMP's condition holds), else 0 without any exception. */
uint64_t elfconv_fp_element(uint32_t operation, uint64_t a, uint64_t b, uint64_t c) {
  Env env = current_env();
  Format f = format_of((operation >> 8) & 3);
  int rounding = (operation >> 10) & 7, is_unsigned = (operation >> 13) & 1;
  int integer_width = (operation >> 26) & 3;
  int fraction_bits = (operation >> 16) & 0x7f;
  int bits = integer_width == 1 ? 32 : integer_width == 2 ? 64 : bits_of_format(f);
  if (rounding == 7) rounding = env.rounding;
  uint64_t r;
  switch (operation & 0xff) {
  case E_ADD: r = fp_add(a, b, f, &env); break;
  case E_SUB: r = fp_subtract(a, b, f, &env); break;
  case E_MUL: r = fp_multiply(a, b, f, &env); break;
  case E_DIV: r = fp_divide(a, b, f, &env); break;
  case E_MAX: r = fp_max(a, b, 1, 0, f, &env); break;
  case E_MIN: r = fp_max(a, b, 0, 0, f, &env); break;
  case E_MAXNM: r = fp_max(a, b, 1, 1, f, &env); break;
  case E_MINNM: r = fp_max(a, b, 0, 1, f, &env); break;
  case E_MULX: r = fp_multiply_extended(a, b, f, &env); break;
  case E_FUSED: r = fp_fused(c, a, b, f, &env); break;
  case E_ABD: r = fp_subtract(a, b, f, &env) & ~sign_bit(f); break;
  case E_SQRT: r = fp_sqrt(a, f, &env); break;
  case E_CMEQ: r = fp_compare_mask(a, b, 0, f, &env); break;
  case E_CMGE: r = fp_compare_mask(a, b, 1, f, &env); break;
  case E_CMGT: r = fp_compare_mask(a, b, 2, f, &env); break;
  case E_ACGE: r = fp_compare_mask(a & ~sign_bit(f), b & ~sign_bit(f), 1, f, &env); break;
  case E_ACGT: r = fp_compare_mask(a & ~sign_bit(f), b & ~sign_bit(f), 2, f, &env); break;
  case E_ROUND: r = fp_round_integral(a, rounding, (operation >> 14) & 1, f, &env); break;
  case E_TO_INT: r = fp_to_integer(a, fraction_bits, is_unsigned, bits, rounding, f, &env); break;
  case E_FROM_INT: r = integer_to_fp(a, is_unsigned, bits, fraction_bits, f, &env); break;
  case E_CONVERT:
    if (((operation >> 10) & 7) != 7) env.rounding = rounding; /* FCVTXN: to odd */
    r = fp_convert(a, f, format_of((operation >> 24) & 3), &env);
    break;
  case E_RECPS: r = fp_step(a, b, 0, f, &env); break;
  case E_RSQRTS: r = fp_step(a, b, 1, f, &env); break;
  case E_RECPE: r = fp_recip_estimate(a, f, &env); break;
  case E_RSQRTE: r = fp_rsqrt_estimate(a, f, &env); break;
  case E_RECPX: r = fp_recpx(a, f, &env); break;
  case E_COMPARE: r = c ? (uint64_t)fp_compare(a, b, (operation >> 14) & 1, f, &env) : 0; break;
  default: fatal("internal error: elfconv_fp_element operation 0x%x", (uint64_t)operation);
  }
  elfconv_state.fpsr |= env.flags;
  return r;
}
