import { all, apiCalled, exitedFrom, not, runningFrom } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 1: a container is a process on the host, sharing its kernel; an image is its class. */
export const whatIsAContainer: Lesson = {
  id: 'what-is-a-container',
  order: 1,
  title: { en: 'What a container is', 'pt-BR': 'O que é um contêiner' },
  intro: {
    en: 'A container is not a small virtual machine. It is an ordinary process on this host, started by Docker with a few kernel features wrapped around it, and it shares the host’s kernel. An image is like a class; each container started from it is an object of that class.',
    'pt-BR': 'Contêiner não é uma máquina virtual pequena. É um processo comum deste host, que o Docker inicia com alguns recursos do kernel em volta, e ele usa o mesmo kernel do host. A imagem funciona como uma classe; cada contêiner criado a partir dela é um objeto dessa classe.',
  },
  steps: [
    {
      run: 'docker run -d --name web nginx',
      say: {
        en: 'Start nginx in the background (-d). Docker pulls the image the first time, then starts the container. Watch the Processes view: nginx appears in the host’s process tree.',
        'pt-BR': 'Suba o nginx em segundo plano (-d). Na primeira vez o Docker baixa a imagem e depois inicia o contêiner. Repare na aba Processos: o nginx aparece na árvore de processos do host.',
      },
    },
    {
      run: 'docker top web',
      say: {
        en: 'List the container’s processes. The PIDs are host PIDs: the same numbers ps -ef shows on the host. No guest OS booted; nginx runs right here.',
        'pt-BR': 'Liste os processos do contêiner. Os PIDs são do host: os mesmos números que o ps -ef mostra no host. Nenhum sistema convidado deu boot; o nginx roda aqui mesmo.',
      },
    },
    {
      run: 'docker exec web uname -r',
      say: {
        en: 'Ask for the kernel version inside the container, then run uname -r on the host: same kernel. A VM would have its own.',
        'pt-BR': 'Pergunte a versão do kernel dentro do contêiner e depois rode uname -r no host: é o mesmo kernel. Uma VM teria o seu próprio.',
      },
    },
    {
      run: 'docker run -d --name web2 nginx',
      say: {
        en: 'Start a second container from the same image. One class, two objects: both share the image’s read-only layers, each has its own processes and state.',
        'pt-BR': 'Suba um segundo contêiner a partir da mesma imagem. Uma classe, dois objetos: os dois compartilham as camadas somente leitura da imagem, e cada um tem seus próprios processos e estado.',
      },
    },
  ],
  goals: [
    {
      id: 'nginx-running',
      text: { en: 'A container from the nginx image is running', 'pt-BR': 'Um contêiner da imagem nginx está rodando' },
      met: runningFrom('nginx'),
    },
    {
      id: 'looked-at-processes',
      text: { en: 'You listed a container’s processes (docker top)', 'pt-BR': 'Você listou os processos de um contêiner (docker top)' },
      met: apiCalled(/^GET \/containers\/[^/]+\/top/),
    },
    {
      id: 'two-objects',
      text: { en: 'Two containers from the same image are running', 'pt-BR': 'Dois contêineres da mesma imagem estão rodando' },
      met: runningFrom('nginx', 2),
    },
  ],
  hints: [
    {
      id: 'ran-without-d',
      when: all(exitedFrom('nginx'), not(runningFrom('nginx'))),
      text: {
        en: 'Your nginx container has stopped. If you ran it without -d, it ran in the foreground, attached to the terminal, and Ctrl-C stopped it. Run it again with -d, under a new name or after docker rm web.',
        'pt-BR': 'Seu contêiner nginx parou. Se você rodou sem o -d, ele ficou em primeiro plano, preso ao terminal, e o Ctrl-C derrubou ele. Rode de novo com -d, com outro nome ou depois de um docker rm web.',
      },
    },
  ],
  quiz: [
    {
      id: 'kernel',
      question: { en: 'Which kernel does a container’s process run on?', 'pt-BR': 'Em qual kernel roda o processo de um contêiner?' },
      choices: [
        { en: 'Its own kernel, booted from the image', 'pt-BR': 'Num kernel próprio, que sobe a partir da imagem' },
        { en: 'The host’s kernel, shared with every other process', 'pt-BR': 'No kernel do host, o mesmo de todos os outros processos' },
        { en: 'A kernel emulated by Docker', 'pt-BR': 'Num kernel emulado pelo Docker' },
      ],
      answer: 1,
      explain: {
        en: 'uname -r gave the same version inside and outside: the container is a host process; images carry no kernel.',
        'pt-BR': 'O uname -r deu a mesma versão dentro e fora: o contêiner é um processo do host, e imagem não traz kernel.',
      },
    },
    {
      id: 'class-object',
      question: { en: 'If the image is a class, what is a container?', 'pt-BR': 'Se a imagem é uma classe, o que é um contêiner?' },
      choices: [
        { en: 'A subclass', 'pt-BR': 'Uma subclasse' },
        { en: 'A copy of the class', 'pt-BR': 'Uma cópia da classe' },
        { en: 'An object (an instance): many can run from one image', 'pt-BR': 'Um objeto (uma instância): vários podem rodar a partir de uma imagem' },
      ],
      answer: 2,
      explain: {
        en: 'web and web2 came from one image; each is a running instance with its own state.',
        'pt-BR': 'web e web2 vieram da mesma imagem; cada um é uma instância em execução, com estado próprio.',
      },
    },
    {
      id: 'host-pids',
      question: { en: 'What do the PIDs in docker top show?', 'pt-BR': 'O que mostram os PIDs do docker top?' },
      choices: [
        { en: 'Host PIDs: the container’s processes are visible from the host', 'pt-BR': 'PIDs do host: os processos do contêiner aparecem no host' },
        { en: 'PIDs inside a virtual machine', 'pt-BR': 'PIDs dentro de uma máquina virtual' },
        { en: 'Random numbers Docker assigns', 'pt-BR': 'Números aleatórios que o Docker atribui' },
      ],
      answer: 0,
      explain: {
        en: 'docker top prints the processes as the host sees them, the same numbers ps -ef shows.',
        'pt-BR': 'O docker top mostra os processos como o host os vê, com os mesmos números do ps -ef.',
      },
    },
  ],
  solution: ['docker run -d --name web nginx', 'docker top web', 'docker exec web uname -r', 'uname -r', 'docker run -d --name web2 nginx'],
};
