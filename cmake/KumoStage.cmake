# kumo_stage(NAME [DEPS target...])
#   Builds library kumo_<NAME> from src/<NAME>/**/*.cc (tests excluded) and,
#   when tests are on, one test binary kumo_<NAME>_tests from
#   tests/unit/<NAME>/**/*_test.cc, registered with CTest.
#   Globbing keeps stages independent: adding a file needs no CMake edit.
function(kumo_stage NAME)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/src/${NAME}/*.cc")
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  list(FILTER srcs EXCLUDE REGEX "/main\\.cc$")
  if(srcs)
    add_library(kumo_${NAME} STATIC ${srcs})
    target_include_directories(kumo_${NAME} PUBLIC "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(kumo_${NAME} PUBLIC ${ARG_DEPS})
  else()
    # A stage with headers only (or not started yet) is an interface library.
    add_library(kumo_${NAME} INTERFACE)
    target_include_directories(kumo_${NAME} INTERFACE "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(kumo_${NAME} INTERFACE ${ARG_DEPS})
  endif()
  set_property(GLOBAL APPEND PROPERTY KUMO_STAGES ${NAME})
  set_property(GLOBAL PROPERTY KUMO_STAGE_TEST_DEPS_${NAME} "${ARG_TEST_DEPS}")
endfunction()

# Called from tests/: one gtest binary per stage that has tests.
function(kumo_stage_tests NAME)
  file(GLOB_RECURSE tsrcs CONFIGURE_DEPENDS
       "${CMAKE_SOURCE_DIR}/tests/unit/${NAME}/*_test.cc")
  if(NOT tsrcs)
    return()
  endif()
  get_property(extra GLOBAL PROPERTY KUMO_STAGE_TEST_DEPS_${NAME})
  add_executable(kumo_${NAME}_tests ${tsrcs})
  target_include_directories(kumo_${NAME}_tests PRIVATE "${CMAKE_SOURCE_DIR}/tests")
  target_link_libraries(kumo_${NAME}_tests PRIVATE kumo_${NAME} ${extra} kumo_testing GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(kumo_${NAME}_tests
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    PROPERTIES LABELS unit
    DISCOVERY_TIMEOUT 60)
endfunction()
