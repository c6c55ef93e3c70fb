int ms_stub_abseil_cpp = 0;
