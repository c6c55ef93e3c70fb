/* Compat shim: mediasoup >= 3.16 is written against libsrtp 3.0.0-beta (versatica
 * fork); Debian bookworm has libsrtp2 2.5.0. Adds C++ overloads with the libsrtp3
 * signatures that forward to libsrtp2's in-place, int-length functions. */
#ifndef MS_SRTP2_COMPAT_SHIM_H
#define MS_SRTP2_COMPAT_SHIM_H
#include <srtp2/srtp.h>
#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
/* Error codes that only exist in libsrtp 3 (never returned by libsrtp2). */
constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
constexpr srtp_err_status_t srtp_err_status_cryptex_err  = static_cast<srtp_err_status_t>(29);
namespace ms_srtp2_compat {
using fn_t = srtp_err_status_t (*)(srtp_t, void*, int*);
/* libsrtp3 style: in -> out buffer; *outLen = capacity on input, length on output. */
inline srtp_err_status_t run(fn_t fn, srtp_t ctx, const uint8_t* in, size_t inLen,
                             uint8_t* out, size_t* outLen, size_t extra) {
  if (inLen > static_cast<size_t>(INT_MAX) - extra || *outLen < inLen + extra)
    return srtp_err_status_buffer_small;
  if (out != in) std::memmove(out, in, inLen);
  int len = static_cast<int>(inLen);
  const srtp_err_status_t err = fn(ctx, out, &len);
  if (err == srtp_err_status_ok) *outLen = static_cast<size_t>(len);
  return err;
}
} // namespace ms_srtp2_compat
/* mediasoup never enables MKI, so mki_index (always 0) is ignored. */
inline srtp_err_status_t srtp_protect(srtp_t c, const uint8_t* in, size_t inLen,
                                      uint8_t* out, size_t* outLen, size_t /*mki*/) {
  return ms_srtp2_compat::run(::srtp_protect, c, in, inLen, out, outLen, SRTP_MAX_TRAILER_LEN);
}
inline srtp_err_status_t srtp_unprotect(srtp_t c, const uint8_t* in, size_t inLen,
                                        uint8_t* out, size_t* outLen) {
  return ms_srtp2_compat::run(::srtp_unprotect, c, in, inLen, out, outLen, 0);
}
inline srtp_err_status_t srtp_protect_rtcp(srtp_t c, const uint8_t* in, size_t inLen,
                                           uint8_t* out, size_t* outLen, size_t /*mki*/) {
  return ms_srtp2_compat::run(::srtp_protect_rtcp, c, in, inLen, out, outLen, SRTP_MAX_TRAILER_LEN + 4);
}
inline srtp_err_status_t srtp_unprotect_rtcp(srtp_t c, const uint8_t* in, size_t inLen,
                                             uint8_t* out, size_t* outLen) {
  return ms_srtp2_compat::run(::srtp_unprotect_rtcp, c, in, inLen, out, outLen, 0);
}
/* Renamed in libsrtp 3; both take the SSRC in network order (mediasoup passes htonl(ssrc)). */
inline srtp_err_status_t srtp_stream_remove(srtp_t s, uint32_t ssrc) {
  return ::srtp_remove_stream(s, ssrc);
}
#endif /* __cplusplus */
#endif
