# Defines aksc_yaml_cpp, the yaml-cpp that aksc links: yaml-cpp's own CMake target (named
# yaml-cpp::yaml-cpp since yaml-cpp 0.8, yaml-cpp before) or, when AKSC_STATIC is ON, its static
# archive, aligned where objcopy can. Sets AKSC_YAML_CPP_LINKED_ARCHIVE (the archive linked) and
# AKSC_YAML_CPP_ALIGNED (ON when that is the aligned copy).
if(TARGET yaml-cpp::yaml-cpp)
  set(aksc_yaml_cpp_target yaml-cpp::yaml-cpp)
else()
  set(aksc_yaml_cpp_target yaml-cpp)
endif()
add_library(aksc_yaml_cpp INTERFACE)
if(NOT AKSC_STATIC)
  target_link_libraries(aksc_yaml_cpp INTERFACE ${aksc_yaml_cpp_target})
  return()
endif()

# yaml-cpp's code linked with every function section on a 64-byte boundary. The parse is most of
# a lint, and its speed moved by 15% with where the linker happened to put yaml-cpp after aksc's
# own code (which grows with every change): aligned, its functions sit at the same offsets
# within a cache line in every build, aksc and the parse floor alike. An optimisation only: where
# objcopy cannot do it, the archive is linked as it is.
set(aksc_aligned "${CMAKE_BINARY_DIR}/libyaml-cpp-aligned.a")
set(AKSC_YAML_CPP_ALIGNED OFF)
if(CMAKE_OBJCOPY)
  execute_process(
    COMMAND "${CMAKE_OBJCOPY}" --set-section-alignment ".text*=64" "${AKSC_YAML_CPP_ARCHIVE}"
            "${aksc_aligned}"
    RESULT_VARIABLE aksc_objcopy_result
    OUTPUT_VARIABLE aksc_objcopy_output
    ERROR_VARIABLE aksc_objcopy_output)
  string(STRIP "${aksc_objcopy_output}" aksc_objcopy_output)
  if(aksc_objcopy_result EQUAL 0)
    set(AKSC_YAML_CPP_ALIGNED ON)
  elseif(aksc_objcopy_output STREQUAL "")
    set(aksc_objcopy_output "${CMAKE_OBJCOPY} exited with ${aksc_objcopy_result}")
  endif()
else()
  set(aksc_objcopy_output "no objcopy was found")
endif()
if(AKSC_YAML_CPP_ALIGNED)
  set(AKSC_YAML_CPP_LINKED_ARCHIVE "${aksc_aligned}")
else()
  file(REMOVE "${aksc_aligned}")
  message(WARNING "objcopy could not align the code sections of ${AKSC_YAML_CPP_ARCHIVE} to 64 "
                  "bytes (${aksc_objcopy_output}), so aksc links it unaligned: its speed may "
                  "then vary from build to build with where the linker puts yaml-cpp.")
  set(AKSC_YAML_CPP_LINKED_ARCHIVE "${AKSC_YAML_CPP_ARCHIVE}")
endif()
# A new libyaml-cpp.a (an upgrade of the package) is aligned again.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${AKSC_YAML_CPP_ARCHIVE}")
target_link_libraries(aksc_yaml_cpp INTERFACE "${AKSC_YAML_CPP_LINKED_ARCHIVE}")
target_include_directories(
  aksc_yaml_cpp INTERFACE $<TARGET_PROPERTY:${aksc_yaml_cpp_target},INTERFACE_INCLUDE_DIRECTORIES>)
