# tests owned by the core area
