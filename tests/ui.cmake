# tests owned by the ui area
