#pragma once

#include "diag/text_util.h"
#include "ir/spec.h"

namespace aksc::rules {

/// True when an ssl string field counts as given, as the Azure ML SDK counts it (`if
/// ssl_cname:`): written and not blank. A value the schema rejected was given too; the schema
/// has reported it.
inline bool ssl_field_given(const ir::Field<std::string>& field) {
  return field.origin == ir::Origin::kInvalid || (field.written() && !trim(field.value).empty());
}

/// True when any part of a custom certificate (cname, cert_file, key_file) is given.
inline bool custom_certificate_given(const ir::Ssl& ssl) {
  return ssl_field_given(ssl.cname) || ssl_field_given(ssl.cert_file) ||
         ssl_field_given(ssl.key_file);
}

}  // namespace aksc::rules
