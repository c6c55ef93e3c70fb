int ms_stub_catch2 = 0;
