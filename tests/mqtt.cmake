# tests owned by the mqtt area
