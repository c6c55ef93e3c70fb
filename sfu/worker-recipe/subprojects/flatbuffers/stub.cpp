int ms_stub_flatbuffers = 0;
