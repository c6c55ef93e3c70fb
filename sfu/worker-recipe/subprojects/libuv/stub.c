int ms_stub_libuv = 0;
