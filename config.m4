dnl xport: PHP's Internet-domain stream transports, reimplemented in C++17.

PHP_ARG_ENABLE([xport],
  [whether to enable xport],
  [AS_HELP_STRING([--enable-xport], [Enable the xport stream transports])],
  [no])

PHP_ARG_ENABLE([xport-ubsan],
  [whether to build xport with UndefinedBehaviorSanitizer],
  [AS_HELP_STRING([--enable-xport-ubsan], [Build xport with -fsanitize=undefined (for testing)])],
  [no], [no])

if test "$PHP_XPORT" != "no"; then
  PKG_CHECK_MODULES([OPENSSL], [openssl >= 3.0])
  PHP_EVAL_INCLINE($OPENSSL_CFLAGS)
  PHP_EVAL_LIBLINE($OPENSSL_LIBS, XPORT_SHARED_LIBADD)

  PHP_REQUIRE_CXX()
  PHP_CXX_COMPILE_STDCXX(17, mandatory, PHP_XPORT_STDCXX)

  dnl PHP's own headers are included as system headers so that strict warnings
  dnl apply to our code only.
  XPORT_PHP_INCLUDES=`echo "$INCLUDES" | sed 's/-I/-isystem /g'`
  XPORT_WARNINGS="-Wall -Wextra -Werror"
  XPORT_OPENSSL_API="-DOPENSSL_API_COMPAT=30000 -DOPENSSL_NO_DEPRECATED"
  XPORT_CXXFLAGS="$PHP_XPORT_STDCXX $XPORT_PHP_INCLUDES $XPORT_WARNINGS $XPORT_OPENSSL_API -fvisibility=hidden"
  XPORT_CFLAGS="$XPORT_WARNINGS -Wno-unused-parameter"

  if test "$PHP_XPORT_UBSAN" != "no"; then
    XPORT_CXXFLAGS="$XPORT_CXXFLAGS -fsanitize=undefined -fno-sanitize=object-size -fno-omit-frame-pointer"
    XPORT_CFLAGS="$XPORT_CFLAGS -fsanitize=undefined -fno-sanitize=object-size"
    PHP_ADD_LIBRARY(ubsan, 1, XPORT_SHARED_LIBADD)
  fi

  PHP_ADD_LIBRARY(stdc++, 1, XPORT_SHARED_LIBADD)
  PHP_SUBST(XPORT_SHARED_LIBADD)

  XPORT_CXX_SOURCES="src/address.cpp src/happy_eyeballs.cpp src/socket.cpp src/resolver.cpp src/connector.cpp src/stream_state.cpp src/stream_ops.cpp src/info.cpp src/tls.cpp src/tls_policy.cpp src/tls_stream.cpp src/session_cache.cpp src/context_cache.cpp"

  PHP_NEW_EXTENSION(xport, xport.c, $ext_shared,, [$XPORT_CFLAGS])
  PHP_ADD_SOURCES_X(PHP_EXT_DIR(xport), $XPORT_CXX_SOURCES, $XPORT_CXXFLAGS, shared_objects_xport, yes)
  PHP_ADD_EXTENSION_DEP(xport, openssl, true)
  PHP_ADD_MAKEFILE_FRAGMENT
fi
