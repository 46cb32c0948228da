/* Digests and ciphers of Debian's libcrypto (libssl-dev:arm64) through OpenSSL's EVP interface, over a message
 * built from standard input (its lines, numbered, repeated to argv[1] bytes). With the AES, PMULL, SHA1 and SHA2 of
 * AT_HWCAP, libcrypto runs its ARMv8 Cryptographic Extension code (AESE/AESMC for AES, PMULL for GHASH, SHA1C,
 * SHA256H) and its Advanced SIMD code (ChaCha20, Poly1305, SHA-512, SHA-3). */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "message.h"

static void hex(const char *label, const unsigned char *p, unsigned n) {
  printf("%-18s ", label);
  for (unsigned i = 0; i < n; i++) printf("%02x", p[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  /* No openssl.cnf: the host's configuration is not the program's input (and outside a wasm32 sandbox). */
  if (!OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL)) return 1;
  size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
  unsigned char *msg = message(n);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned len;
  const char *digests[] = {"SHA1", "SHA256", "SHA512", "SHA3-256", "MD5", "BLAKE2b512"};
  for (int i = 0; i < 6; i++) {
    if (!EVP_Digest(msg, n, out, &len, EVP_get_digestbyname(digests[i]), NULL)) return 1;
    hex(digests[i], out, len);
  }
  unsigned char key[32], iv[16], tag[16];
  for (int i = 0; i < 32; i++) key[i] = (unsigned char)(i * 13 + 1);
  for (int i = 0; i < 16; i++) iv[i] = (unsigned char)(i * 7);
  unsigned char *ct = malloc(n + 32), *pt = malloc(n + 32);
  const char *ciphers[] = {"AES-128-GCM", "AES-256-GCM", "CHACHA20-POLY1305", "AES-256-CBC", "AES-128-CTR",
                           "AES-192-ECB"};
  for (int c = 0; c < 6; c++) {
    const EVP_CIPHER *cipher = EVP_get_cipherbyname(ciphers[c]);
    int aead = (EVP_CIPHER_get_flags(cipher) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int k = 0, m = 0;
    if (!EVP_EncryptInit_ex(ctx, cipher, NULL, key, iv) || !EVP_EncryptUpdate(ctx, ct, &k, msg, (int)n)
        || !EVP_EncryptFinal_ex(ctx, ct + k, &m) || (aead && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag)))
      return 1;
    int size = k + m;
    if (!EVP_Digest(ct, (size_t)size, out, &len, EVP_sha256(), NULL)) return 1;
    printf("%-18s %d bytes, SHA256 of them:\n", ciphers[c], size);
    hex("", out, len);
    if (aead) hex("tag", tag, 16);
    /* Decrypt again: the round trip must give the message back (and the tag must verify). */
    if (!EVP_DecryptInit_ex(ctx, cipher, NULL, key, iv) || !EVP_DecryptUpdate(ctx, pt, &k, ct, size)
        || (aead && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag)) || !EVP_DecryptFinal_ex(ctx, pt + k, &m)
        || (size_t)(k + m) != n || memcmp(pt, msg, n) != 0) {
      printf("%s: the round trip failed\n", ciphers[c]);
      return 1;
    }
    EVP_CIPHER_CTX_free(ctx);
  }
  return 0;
}
