int ms_stub_usrsctp = 0;
