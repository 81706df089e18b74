// Check page: open a saved HTML or text file into the article box (the checker reads HTML pages).
// Without JavaScript the file picker stays hidden and the article can still be pasted.
(function () {
  var field = document.getElementById("file-field");
  var input = document.getElementById("file");
  var text = document.getElementById("text");
  if (!field || !input || !text || !window.FileReader) return;
  field.hidden = false;
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { text.value = reader.result; text.focus(); };
    reader.readAsText(file);
  });
})();
