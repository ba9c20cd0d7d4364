# Writes the base maps of the Haiti site (Content/maps/*.geojson) and prints the coordinates taken from
# Natural Earth, from Debian's r-cran-rnaturalearthdata (Natural Earth 1:50m, public domain; the R package
# CC0). Run: apt-get install r-cran-rnaturalearthdata && Rscript scripts/make-maps.R Content/maps
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "Content/maps"
suppressMessages(library(sp))
data <- new.env()
invisible(lazyLoad(file.path(system.file(package = "rnaturalearthdata"), "data", "Rdata"), envir = data))
countries <- get("countries50", envir = data)

number <- function(x) sub("\\.?0+$", "", sprintf("%.4f", x))
ring <- function(coords) paste0("[", paste0("[", number(coords[, 1]), ",", number(coords[, 2]), "]", collapse = ","), "]")
land <- function(coords) paste0('{"type":"Feature","properties":{"kind":"land"},"geometry":{"type":"Polygon","coordinates":[', ring(coords), "]}}")
border <- function(coords) paste0('{"type":"Feature","properties":{"kind":"border"},"geometry":{"type":"LineString","coordinates":', ring(coords), "}}")

# The outer rings of a country's polygons.
rings <- function(code) {
  polygons <- countries@polygons[[which(countries$adm0_a3 == code)]]@Polygons
  Filter(Negate(is.null), lapply(polygons, function(p) if (p@hole) NULL else p@coords))
}

# The stretches of a ring that another country's rings share, point for point: the border between them.
shared <- function(a, b) {
  others <- do.call(rbind, b)
  keys <- paste(others[, 1], others[, 2])
  lines <- list()
  for (r in a) {
    inside <- paste(r[, 1], r[, 2]) %in% keys
    runs <- rle(inside)
    ends <- cumsum(runs$lengths)
    starts <- ends - runs$lengths + 1
    for (i in which(runs$values & runs$lengths >= 2)) lines[[length(lines) + 1]] <- r[starts[i]:ends[i], , drop = FALSE]
  }
  lines
}

within <- function(coords, box) all(coords[, 1] >= box[1] & coords[, 1] <= box[2] & coords[, 2] >= box[3] & coords[, 2] <= box[4])

write_map <- function(file, features) {
  writeLines(paste0('{"type":"FeatureCollection","features":[\n', paste(features, collapse = ",\n"), "\n]}"), file.path(out, file))
}

haiti <- rings("HTI")
dominican <- rings("DOM")
frontier <- shared(haiti, dominican)
write_map("haiti.geojson", c(lapply(c(haiti, dominican), land), lapply(frontier, border)))

# The Caribbean from Cuba to the Lesser Antilles: every island wholly inside the box.
box <- c(-85.5, -59, 10.5, 23.5)
islands <- list()
for (i in seq_along(countries@polygons)) {
  for (p in countries@polygons[[i]]@Polygons) if (!p@hole && within(p@coords, box)) islands[[length(islands) + 1]] <- p@coords
}
write_map("caribbean.geojson", c(lapply(islands, land), lapply(frontier, border)))

# Natural Earth's label point of Martinique, an island of France.
for (p in countries@polygons[[which(countries$adm0_a3 == "FRA")]]@Polygons) {
  if (!p@hole && within(p@coords, c(-61.3, -60.7, 14.3, 14.95))) cat("martinique:", number(p@labpt[2]), number(p@labpt[1]), "\n")
}
