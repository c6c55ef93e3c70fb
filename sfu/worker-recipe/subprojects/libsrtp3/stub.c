int ms_stub_libsrtp3 = 0;
