int ms_stub_openssl = 0;
