# Warnings for every dossier target; errors when DOSSIER_WERROR is on (CI).
function(dossier_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wno-missing-field-initializers)
  # GCC 12 reports false -Wrestrict positives inside libstdc++ string code at
  # -O3 (GCC bug 105329); they are not in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(DOSSIER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(DOSSIER_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# dossier_add_library(name SOURCES... [DEPS ...]): one stage library.
function(dossier_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  dossier_target_options(${name})
endfunction()

# dossier_add_test(name SOURCES... [DEPS ...] [LABELS ...]): one GoogleTest
# executable per unit, registered with ctest under its labels (ctest -L unit).
function(dossier_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    DOSSIER_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DOSSIER_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    DOSSIER_BINARY="${PROJECT_BINARY_DIR}/dossier")
  dossier_target_options(${name})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# dossier_embed_files(OUTPUT_VAR FUNCTION name FILES...): generates a .cc
# defining `const std::vector<EmbeddedFile>& name()` over the files, rebuilt
# when one of them changes; the path of the .cc goes into OUTPUT_VAR.
function(dossier_embed_files out_var)
  cmake_parse_arguments(ARG "" "FUNCTION" "FILES" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}_embedded.cc")
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} "-DFILES=${files_arg}" "-DOUTPUT=${output}"
            "-DFUNCTION=${ARG_FUNCTION}" -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${ARG_FUNCTION}"
    VERBATIM)
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
