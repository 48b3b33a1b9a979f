# tests owned by the storage area
