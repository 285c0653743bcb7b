# Decides AKSC_STATIC, whether the aksc binary is linked statically, from what this machine has.
#
# Left unset, AKSC_STATIC becomes ON where a static aksc can be linked (static libyaml-cpp,
# Boost.Program_options, libc and libstdc++, and no sanitizer asked for) and OFF, with a message
# saying why, where it cannot; the choice is made again at every configure, so adding sanitizer
# flags to a build folder later turns it OFF. Set by the user (-DAKSC_STATIC=ON|OFF), it is
# kept, and ON where a static aksc cannot be linked stops the configure with the reason.
#
# AKSC_SANITIZE makes it OFF. The cache variable AKSC_YAML_CPP_ARCHIVE holds the libyaml-cpp.a
# that a static aksc links.
include(CheckCXXSourceCompiles)

# Finds the static library file NAME into the cache variable VAR; sets WHY to why it cannot be
# used, or to "". Further arguments go to find_library (HINTS).
function(aksc_find_archive var name library why)
  find_library(${var} ${name} ${ARGN} DOC "The static ${library} library that a static aksc links")
  if(NOT ${var})
    set(${why} "no ${name} was found (-D${var}=PATH names one)" PARENT_SCOPE)
  elseif(NOT EXISTS "${${var}}")
    set(${why} "${var} names ${${var}}, which does not exist" PARENT_SCOPE)
  else()
    set(${why} "" PARENT_SCOPE)
  endif()
endfunction()

# Sets ${result} to why a static aksc cannot be linked here, or to "" when it can.
function(aksc_why_not_static result)
  if(AKSC_SANITIZE)
    set(${result} "AKSC_SANITIZE is ON, and the sanitizers' runtimes need a dynamic binary"
        PARENT_SCOPE)
    return()
  endif()
  string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
  foreach(flags CMAKE_CXX_FLAGS CMAKE_CXX_FLAGS_${config} CMAKE_EXE_LINKER_FLAGS
                CMAKE_EXE_LINKER_FLAGS_${config})
    if(" ${${flags}} " MATCHES " -fsanitize=")
      set(${result}
          "${flags} asks for a sanitizer (-fsanitize=), whose runtime needs a dynamic binary"
          PARENT_SCOPE)
      return()
    endif()
  endforeach()
  # Next to the shared library that yaml-cpp's CMake package points at, or where libraries go.
  aksc_find_archive(AKSC_YAML_CPP_ARCHIVE libyaml-cpp.a "yaml-cpp" why HINTS "${yaml-cpp_DIR}/../..")
  if(NOT why)
    aksc_find_archive(AKSC_BOOST_PROGRAM_OPTIONS_ARCHIVE libboost_program_options.a
                      "Boost.Program_options" why)
  endif()
  if(why)
    set(${result} "${why}" PARENT_SCOPE)
    return()
  endif()
  # libc, libm and libstdc++ as archives: Debian's libc6-dev and libstdc++-dev ship them, other
  # systems may not.
  set(CMAKE_REQUIRED_LINK_OPTIONS -static)
  set(CMAKE_REQUIRED_QUIET ON)
  check_cxx_source_compiles(
    "#include <cmath>\n#include <string>\n
     int main(int argc, char**) { return static_cast<int>(std::to_string(std::sqrt(argc)).size()); }"
    AKSC_CAN_LINK_STATIC_RUNTIME)
  if(NOT AKSC_CAN_LINK_STATIC_RUNTIME)
    set(${result} "the C and C++ runtimes cannot be linked statically (no libc.a or libstdc++.a)"
        PARENT_SCOPE)
    return()
  endif()
  set(${result} "" PARENT_SCOPE)
endfunction()

aksc_why_not_static(aksc_why_not_static)
# AKSC_STATIC equal to the last automatic choice is taken as unset: that choice is made again.
# AKSC_SANITIZE overrides it, as it always has (scripts/sanitize.sh reuses old build folders).
if(NOT AKSC_SANITIZE AND DEFINED CACHE{AKSC_STATIC}
   AND NOT "$CACHE{AKSC_STATIC}" STREQUAL "$CACHE{AKSC_STATIC_CHOSEN}")
  option(AKSC_STATIC "Link the aksc binary statically (default: where the static libraries exist)")
  if(AKSC_STATIC AND aksc_why_not_static)
    message(FATAL_ERROR "AKSC_STATIC is ON, but aksc cannot be linked statically here: "
                        "${aksc_why_not_static}. Configure with -DAKSC_STATIC=OFF, or without "
                        "AKSC_STATIC in a new build folder to let CMake choose.")
  elseif(AKSC_STATIC)
    message(STATUS "aksc: linking statically (AKSC_STATIC=ON)")
  else()
    message(STATUS "aksc: linking dynamically (AKSC_STATIC=OFF)")
  endif()
else()
  if(aksc_why_not_static)
    set(AKSC_STATIC OFF)
    message(NOTICE "aksc: linking dynamically (AKSC_STATIC=OFF): ${aksc_why_not_static}.")
  else()
    set(AKSC_STATIC ON)
    message(STATUS "aksc: linking statically (AKSC_STATIC=ON: the static libraries are here)")
  endif()
  set(AKSC_STATIC ${AKSC_STATIC} CACHE BOOL
      "Link the aksc binary statically (default: where the static libraries exist)" FORCE)
  set(AKSC_STATIC_CHOSEN ${AKSC_STATIC} CACHE INTERNAL "The last automatic choice of AKSC_STATIC")
endif()
